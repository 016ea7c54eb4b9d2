import type { NestExpressApplication } from '@nestjs/platform-express';
import { Client, Connection } from '@temporalio/client';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { loadApiEnv, type ApiEnv } from '../../apps/api/src/config/api-env';
import { loadWorkerEnv } from '../../apps/worker/src/config/worker-env';
import { createWorkerRuntime, type WorkerRuntime } from '../../apps/worker/src/create-worker';
import { encryptedDataConverter } from '@infra/temporal/encryption-codec';
import { readTestStack } from '../setup/test-stack';
import { recordHistories } from './record-histories';

/**
 * The real service for one spec file: the API on a loopback port and a worker on a
 * task queue of its own, against the test stack's Temporal, PostgreSQL and MailDev.
 * `overrides` set configuration such as short lifetimes (§1.11). Specs act from addresses
 * of their own through X-Forwarded-For (support/addresses.ts), so the harness trusts it from
 * loopback peers unless `overrides` say otherwise (the service's default trusts nobody).
 */
export interface Harness {
  baseUrl: string;
  env: ApiEnv;
  temporal: Client;
  api: NestExpressApplication;
  worker: WorkerRuntime;
  operator: Record<string, string>;
  /** Where this harness's audit sealer exports checkpoints (§1.15). */
  auditCheckpointDir: string;
  restartWorker(): Promise<void>;
  close(): Promise<void>;
}

/** What a spec may add to the worker, e.g. an activity interceptor that injects failures. */
export interface HarnessOptions {
  workerInterceptors?: ActivityInterceptorsFactory[];
}

export async function startHarness(overrides: Record<string, string> = {}, options: HarnessOptions = {}): Promise<Harness> {
  const taskQueue = `test-${randomUUID()}`;
  // A sealer per harness (its own id, on its own task queue): one with the fixed id would stop when
  // the first spec's worker closes. They seal the run's one database in turns (the sealer's lock).
  // A database of the spec's own has a tree of its own: its checkpoints go to a directory of their own.
  const ownDatabase = overrides.DATABASE_URL && overrides.DATABASE_URL !== process.env.DATABASE_URL;
  const checkpointDir = ownDatabase ? join(process.env.AUDIT_CHECKPOINT_DIR!, new URL(overrides.DATABASE_URL!).pathname.slice(1)) : process.env.AUDIT_CHECKPOINT_DIR;
  const source = {
    ...process.env,
    TRUSTED_PROXIES: 'loopback',
    TEMPORAL_TASK_QUEUE: taskQueue,
    AUDIT_SEALER_ID: `audit-sealer-${taskQueue}`,
    AUDIT_CHECKPOINT_DIR: checkpointDir,
    ...overrides,
  };
  const env = loadApiEnv(source);
  const workerEnv = loadWorkerEnv(source);
  const bundlePath = readTestStack().workflowBundlePath;
  if (!bundlePath) throw new Error('no workflow bundle: global setup did not find workflows/src/index.ts');
  const startWorker = async () => {
    const runtime = await createWorkerRuntime(workerEnv, { workflowBundle: { codePath: bundlePath }, activityInterceptors: options.workerInterceptors });
    void runtime.run();
    return runtime;
  };
  let worker = await startWorker();
  const api = await createApiApp(env);
  await api.listen(0, '127.0.0.1');
  const { port } = api.getHttpServer().address() as { port: number };
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
  const temporal = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE, dataConverter: encryptedDataConverter(env.PAYLOAD_KEYS) });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    env,
    temporal,
    api,
    get worker() {
      return worker;
    },
    operator: { authorization: `Bearer ${env.OPERATOR_TOKENS[0]}` },
    auditCheckpointDir: workerEnv.AUDIT_CHECKPOINT_DIR,
    async restartWorker() {
      await worker.shutdown();
      worker = await startWorker();
    },
    async close() {
      await recordHistories(temporal, env.TEMPORAL_TASK_QUEUE, env.TEMPORAL_ADDRESS).catch((e) => console.error('recording histories failed', e));
      await api.close();
      await temporal.workflow
        .getHandle(workerEnv.AUDIT_SEALER_ID)
        .terminate('spec done')
        .catch(() => undefined);
      await worker.shutdown();
      await connection.close();
    },
  };
}

export interface HttpResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** JSON over HTTP exactly as a cabinet frontend would call. */
export async function call<T = any>(
  h: Pick<Harness, 'baseUrl'>,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpResult<T>> {
  const res = await fetch(`${h.baseUrl}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

/**
 * Polls until `check` returns a value (not undefined), within a bounded time. 60 s by default: on
 * the shared 2-core machine a step after a worker restart (an activity in flight waits out its
 * timeout) took longer than 20 s in clean-clone runs; a passing check returns as soon as it can.
 */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

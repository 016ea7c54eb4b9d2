import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { NativeConnection, Worker, bundleWorkflowCode, type ActivityInterceptorsFactory, type WorkflowBundleOption } from '@temporalio/worker';
import { Logger as PinoLogger } from 'nestjs-pino';
import { repoRoot } from '@infra/repo-root';
import { temporalConnectionOptions } from '@infra/temporal/connection-options';
import { EncryptionCodec } from '@infra/temporal/encryption-codec';
import { workflowBundleOptions } from '@infra/temporal/workflow-bundle';
import { workerTracing } from '@infra/observability/temporal-tracing';
import { activityErrorsInterceptor } from './activity-errors/activity-errors.interceptor';
import { ensureAuditRetentionSchedule } from './audit/retention-schedule';
import { AuditSealerActivitiesImpl } from './audit/audit-sealer.activities';
import { ensureAuditSealer } from './audit/sealer-start';
import type { WorkerEnv } from './config/worker-env';
import { workerTuning } from './config/worker-tuning';
import { ACTIVITY_CLASSES, WorkerModule } from './worker.module';

export interface WorkerRuntime {
  worker: Worker;
  app: INestApplicationContext;
  connection: NativeConnection;
  /** Starts polling; resolves when the worker has stopped. */
  run(): Promise<void>;
  /** Stops polling, lets in-flight activities finish, then closes the Nest context and connection. */
  shutdown(): Promise<void>;
}

/** Binds each activity class's methods to its injected instance, keyed by method name. */
function collectActivities(app: INestApplicationContext): Record<string, (...args: never[]) => Promise<unknown>> {
  const activities: Record<string, (...args: never[]) => Promise<unknown>> = {};
  for (const cls of ACTIVITY_CLASSES) {
    const instance = app.get(cls as never) as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(cls.prototype)) {
      if (name === 'constructor' || typeof instance[name] !== 'function') continue;
      if (activities[name]) throw new Error(`activity ${name} is defined twice`);
      activities[name] = (instance[name] as (...args: never[]) => Promise<unknown>).bind(instance);
    }
  }
  return activities;
}

export async function createWorkerRuntime(
  env: WorkerEnv,
  opts: {
    taskQueue?: string;
    workflowBundle?: WorkflowBundleOption;
    /** Run inside the worker's own (outermost) interceptor, e.g. a test's fault injection. */
    activityInterceptors?: ActivityInterceptorsFactory[];
  } = {},
): Promise<WorkerRuntime> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(env), { bufferLogs: true });
  const logger = app.get(PinoLogger);
  app.useLogger(logger);
  const connection = await NativeConnection.connect(temporalConnectionOptions(env));
  const workflowBundle =
    opts.workflowBundle ?? (env.WORKFLOW_BUNDLE_PATH ? { codePath: env.WORKFLOW_BUNDLE_PATH } : await bundleWorkflowCode(workflowBundleOptions(repoRoot())));
  // Payloads are encrypted on their way to Temporal and decrypted here (keys: PAYLOAD_KEYS).
  const dataConverter = { payloadCodecs: [EncryptionCodec.fromSpec(env.PAYLOAD_KEYS)] };
  const taskQueue = opts.taskQueue ?? env.TEMPORAL_TASK_QUEUE;
  // Workflows and activities continue the trace their caller started (when tracing is on).
  const traced = workerTracing();
  const worker = await Worker.create({
    connection,
    namespace: env.TEMPORAL_NAMESPACE,
    taskQueue,
    dataConverter,
    workflowBundle,
    activities: collectActivities(app),
    // Data errors fail at once (non-retryable), others retry; both alert in the log when they should.
    interceptors: {
      activity: [...traced.activity, activityErrorsInterceptor({ error: (fields, msg) => logger.error({ ...fields, msg }) }), ...(opts.activityInterceptors ?? [])],
    },
    sinks: traced.sinks,
    ...workerTuning(env),
    shutdownGraceTime: env.WORKER_SHUTDOWN_GRACE_MS,
  });
  const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE, dataConverter });
  await ensureAuditRetentionSchedule(client, taskQueue);
  await ensureAuditSealer(client, taskQueue, env.AUDIT_SEALER_ID);
  app.get(AuditSealerActivitiesImpl).stopWhen(() => worker.getState() !== 'RUNNING');
  let running: Promise<void> | null = null;
  return {
    worker,
    app,
    connection,
    run() {
      running ??= worker.run();
      return running;
    },
    async shutdown() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running?.catch(() => undefined);
      await app.close();
      await connection.close();
    },
  };
}

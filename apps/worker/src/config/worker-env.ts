import { z } from 'zod';
import { AUDIT_RETENTION_MIN_DAYS } from '@domain/audit';
import { auditSealerEnvShape, refineAuditKey } from '@infra/audit/audit-keys';
import { loadEnv, refineShared, sharedEnvSchema } from '@infra/config/env.schema';
import { tracingEnvShape, workerObservabilityEnvShape } from '@infra/observability/observability-env';

/** The worker's configuration: the shared settings plus worker tuning. */
export const workerEnvSchema = sharedEnvSchema
  .extend({
    ...tracingEnvShape,
    ...workerObservabilityEnvShape,
    /*
     * Tuning (README "Worker tuning"); defaults for a 2-core box whose worker must stay under
     * ~600 MiB RSS. The SDK's own cache default grows with the V8 heap limit (~2,300 workflows
     * on a 24 GiB machine: 3 GB RSS in the payment benchmark).
     */
    /** Workflows kept in memory between tasks (sticky cache); one evicted is replayed from history on its next task. */
    WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(100_000).default(200),
    /** Workflow tasks at once: all run on one workflow thread, so more only queue (at most the cache size). */
    WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce.number().int().min(2).max(1000).default(20),
    /** Activities at once: nearly all wait on PostgreSQL, so about twice DATABASE_POOL_SIZE keeps the pool busy without queueing past its timeout. */
    WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).max(1000).default(20),
    /** Local activities at once (the workflows use none today; bounded so one never floods the pool). */
    WORKER_MAX_CONCURRENT_LOCAL_ACTIVITIES: z.coerce.number().int().min(1).max(1000).default(20),
    /** Long polls held open for tasks (cheap, in the Rust core); at most the matching concurrency. */
    WORKER_WORKFLOW_TASK_POLLERS: z.coerce.number().int().min(2).max(100).default(10),
    WORKER_ACTIVITY_TASK_POLLERS: z.coerce.number().int().min(1).max(100).default(10),
    /** How long a task waits on a worker's sticky queue before any worker may take it (a killed worker's flows move on after this). */
    WORKER_STICKY_QUEUE_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(60_000).default(5_000),
    /** How long in-flight activities may take to finish on shutdown. */
    WORKER_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(20_000),
    /** A pre-built workflow bundle (npm run build writes dist/workflow-bundle.js); bundled from source when absent. */
    WORKFLOW_BUNDLE_PATH: z.string().optional(),
    /** How long audit records are kept (§1.15): five years at least. */
    AUDIT_RETENTION_DAYS: z.coerce.number().int().min(AUDIT_RETENTION_MIN_DAYS).default(AUDIT_RETENTION_MIN_DAYS),
    /** Tests only (NODE_ENV=test): a retention in ms short enough to watch the purge work. */
    AUDIT_RETENTION_MS: z.coerce.number().int().positive().optional(),
    /** The audit sealer (§1.15): signing key, checkpoint sink, interval. */
    ...auditSealerEnvShape,
  })
  .superRefine(refineShared)
  .superRefine((env, ctx) => {
    if (env.WORKER_MAX_CACHED_WORKFLOWS > 0 && env.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS > env.WORKER_MAX_CACHED_WORKFLOWS) {
      ctx.addIssue({ code: 'custom', path: ['WORKER_MAX_CONCURRENT_WORKFLOW_TASKS'], message: 'must not exceed WORKER_MAX_CACHED_WORKFLOWS' });
    }
    if (env.WORKER_WORKFLOW_TASK_POLLERS > env.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS) {
      ctx.addIssue({ code: 'custom', path: ['WORKER_WORKFLOW_TASK_POLLERS'], message: 'must not exceed WORKER_MAX_CONCURRENT_WORKFLOW_TASKS' });
    }
    if (env.WORKER_ACTIVITY_TASK_POLLERS > env.WORKER_MAX_CONCURRENT_ACTIVITIES) {
      ctx.addIssue({ code: 'custom', path: ['WORKER_ACTIVITY_TASK_POLLERS'], message: 'must not exceed WORKER_MAX_CONCURRENT_ACTIVITIES' });
    }
  })
  .superRefine((env, ctx) => refineAuditKey(env, ctx, 'AUDIT_SIGNING_KEY'))
  .superRefine((env, ctx) => {
    if (env.AUDIT_RETENTION_MS !== undefined && env.NODE_ENV !== 'test') {
      ctx.addIssue({ code: 'custom', path: ['AUDIT_RETENTION_MS'], message: 'only for tests; set AUDIT_RETENTION_DAYS' });
    }
  });

export type WorkerEnv = z.infer<typeof workerEnvSchema>;

export const loadWorkerEnv = (source: NodeJS.ProcessEnv = process.env): WorkerEnv => loadEnv(workerEnvSchema, source);

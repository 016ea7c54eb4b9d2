import { z } from 'zod';
import { AUDIT_RETENTION_MIN_DAYS } from '../../../../libs/domain/src/audit';
import { loadEnv, refineShared, sharedEnvSchema } from '../../../../libs/infra/src/config/env.schema';

/** The worker's configuration: the shared settings plus worker tuning. */
export const workerEnvSchema = sharedEnvSchema
  .extend({
    WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).max(1000).default(100),
    WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: z.coerce.number().int().min(1).max(1000).default(100),
    /** How long in-flight activities may take to finish on shutdown. */
    WORKER_SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(20_000),
    /** A pre-built workflow bundle (npm run build writes dist/workflow-bundle.js); bundled from source when absent. */
    WORKFLOW_BUNDLE_PATH: z.string().optional(),
    /** How long audit records are kept (§1.15): five years at least. */
    AUDIT_RETENTION_DAYS: z.coerce.number().int().min(AUDIT_RETENTION_MIN_DAYS).default(AUDIT_RETENTION_MIN_DAYS),
    /** Tests only (NODE_ENV=test): a retention in ms short enough to watch the purge work. */
    AUDIT_RETENTION_MS: z.coerce.number().int().positive().optional(),
  })
  .superRefine(refineShared)
  .superRefine((env, ctx) => {
    if (env.AUDIT_RETENTION_MS !== undefined && env.NODE_ENV !== 'test') {
      ctx.addIssue({ code: 'custom', path: ['AUDIT_RETENTION_MS'], message: 'only for tests; set AUDIT_RETENTION_DAYS' });
    }
  });

export type WorkerEnv = z.infer<typeof workerEnvSchema>;

export const loadWorkerEnv = (source: NodeJS.ProcessEnv = process.env): WorkerEnv => loadEnv(workerEnvSchema, source);

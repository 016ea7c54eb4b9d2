import { z } from 'zod';
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
  })
  .superRefine(refineShared);

export type WorkerEnv = z.infer<typeof workerEnvSchema>;

export const loadWorkerEnv = (source: NodeJS.ProcessEnv = process.env): WorkerEnv => loadEnv(workerEnvSchema, source);

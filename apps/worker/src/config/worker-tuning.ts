import type { WorkerOptions } from '@temporalio/worker';
import type { WorkerEnv } from './worker-env';

/** The worker's capacity, from configuration on purpose (worker-env.ts, README "Worker tuning"); no SDK default left to the heap size. */
export const workerTuning = (env: WorkerEnv) =>
  ({
    maxCachedWorkflows: env.WORKER_MAX_CACHED_WORKFLOWS,
    maxConcurrentWorkflowTaskExecutions: env.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
    maxConcurrentActivityTaskExecutions: env.WORKER_MAX_CONCURRENT_ACTIVITIES,
    maxConcurrentLocalActivityExecutions: env.WORKER_MAX_CONCURRENT_LOCAL_ACTIVITIES,
    workflowTaskPollerBehavior: { type: 'simple-maximum', maximum: env.WORKER_WORKFLOW_TASK_POLLERS },
    activityTaskPollerBehavior: { type: 'simple-maximum', maximum: env.WORKER_ACTIVITY_TASK_POLLERS },
    stickyQueueScheduleToStartTimeout: env.WORKER_STICKY_QUEUE_TIMEOUT_MS,
  }) satisfies Partial<WorkerOptions>;

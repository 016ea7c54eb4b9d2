import { loadWorkerEnv } from './worker-env';
import { workerTuning } from './worker-tuning';

const base = {
  APP_SECRET: 'dGVzdC1vbmx5LXNlY3JldC10ZXN0LW9ubHktc2VjcmV0LTMyYnl0ZXMh',
  PAYLOAD_KEYS: 'test-1:s9oL1P3ueQ+6xt9ZXt6L9ASFGB/wu+nTY1bTFxNCf6E=',
};

describe('worker tuning from configuration', () => {
  it('sets every capacity knob on purpose, with the documented defaults', () => {
    expect(workerTuning(loadWorkerEnv(base))).toEqual({
      maxCachedWorkflows: 200,
      maxConcurrentWorkflowTaskExecutions: 20,
      maxConcurrentActivityTaskExecutions: 20,
      maxConcurrentLocalActivityExecutions: 20,
      workflowTaskPollerBehavior: { type: 'simple-maximum', maximum: 10 },
      activityTaskPollerBehavior: { type: 'simple-maximum', maximum: 10 },
      stickyQueueScheduleToStartTimeout: 5_000,
    });
  });

  it('refuses workflow tasks beyond the cache and pollers beyond their slots', () => {
    expect(() => loadWorkerEnv({ ...base, WORKER_MAX_CACHED_WORKFLOWS: '10', WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '20' })).toThrow(
      /WORKER_MAX_CONCURRENT_WORKFLOW_TASKS/,
    );
    expect(() => loadWorkerEnv({ ...base, WORKER_ACTIVITY_TASK_POLLERS: '30' })).toThrow(/WORKER_ACTIVITY_TASK_POLLERS/);
  });
});

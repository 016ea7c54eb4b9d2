import { ActivityFailure, ApplicationFailure, TimeoutFailure } from '@temporalio/common';
import { DATA_REJECTED } from './data-rejected';
import { WriteFailed } from './write-failure';

describe('a failed write, as the workflow reads it', () => {
  it('data the database refused: not retryable (nothing committed, asking again cannot help)', () => {
    const cause = ApplicationFailure.create({ type: DATA_REJECTED, message: 'data rejected (SQLSTATE 22P05)', nonRetryable: true });
    const failed = WriteFailed.of(new ActivityFailure('failed', 'recordPayment', '1', 'NON_RETRYABLE_FAILURE', 'w', cause));
    expect(failed).toMatchObject({ retryable: false, reason: DATA_REJECTED });
  });

  it('retries ran out: retryable, and the write may have committed', () => {
    const cause = new TimeoutFailure('timed out', undefined, 'SCHEDULE_TO_CLOSE');
    expect(WriteFailed.of(new ActivityFailure('failed', 'recordPayment', '1', 'TIMEOUT', 'w', cause))).toMatchObject({
      retryable: true,
      reason: 'RETRIES_EXHAUSTED:TIMEOUT',
    });
    expect(WriteFailed.of(new ActivityFailure('failed', 'recordPayment', '1', 'MAXIMUM_ATTEMPTS_REACHED', 'w'))?.retryable).toBe(true);
  });

  it('anything but an activity failure is not a failed write', () => {
    expect(WriteFailed.of(new Error('bug'))).toBeNull();
  });
});

import { ActivityFailure } from '@temporalio/workflow';
import { DATA_REJECTED } from './data-rejected';

/**
 * A bookkeeping write that failed for good. `retryable` is false when the database refused
 * the data (asking again cannot help, and nothing was committed: the whole write is one
 * transaction), true when the retries ran out on a transient fault — then the write may or
 * may not have committed, so the caller writes its state again (see PaymentRuntime.step).
 */
export class WriteFailed extends Error {
  constructor(
    readonly retryable: boolean,
    readonly reason: string,
  ) {
    super(`write failed (${reason})`);
    this.name = 'WriteFailed';
  }

  static of(error: unknown): WriteFailed | null {
    if (!(error instanceof ActivityFailure)) return null;
    const refused = error.retryState === 'NON_RETRYABLE_FAILURE';
    const type = (error.cause as { type?: string } | undefined)?.type;
    return new WriteFailed(!refused, refused ? (type ?? DATA_REJECTED) : `RETRIES_EXHAUSTED:${error.retryState}`);
  }
}

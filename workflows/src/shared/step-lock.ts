import { condition } from '@temporalio/workflow';

/**
 * One step at a time (decide → apply → write). Update handlers interleave at every await;
 * serialising only the writes would let a second step be decided from the first step's
 * in-memory state before that step's write had succeeded — and a rolled-back first step
 * would leave the second one built on a state that never existed. A free lock is taken
 * without awaiting, so an uncontended step runs exactly as it did before the lock.
 */
export class StepLock {
  private held = false;

  async run<T>(body: () => Promise<T>): Promise<T> {
    // Every waiter whose condition holds is woken in the same pass; the loop lets the first take it.
    while (this.held) await condition(() => !this.held);
    this.held = true;
    try {
      return await body();
    } finally {
      this.held = false;
    }
  }
}

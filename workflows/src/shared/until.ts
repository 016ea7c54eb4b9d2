import { condition } from '@temporalio/workflow';

/**
 * Waits for `done` until `deadline` (epoch ms on the workflow clock): true when
 * `done` came first, false once the deadline has passed. A deadline is a durable
 * timer, so it holds across worker restarts.
 */
export async function until(done: () => boolean, deadline: number): Promise<boolean> {
  while (!done()) {
    const left = deadline - Date.now();
    if (left <= 0) return false;
    await condition(done, left);
  }
  return true;
}

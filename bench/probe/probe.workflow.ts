import { allHandlersFinished, condition, defineUpdate, setHandler } from '@temporalio/workflow';

/** One step of a document-shaped flow with no I/O: what the Temporal server alone costs. */
export const probeStepUpdate = defineUpdate<number, [number]>('step');

/**
 * The benchmark's measure of the Temporal dev server's own ceiling: started by an
 * Update-with-start like a submitted payment, then driven by Updates like its
 * confirmation steps, then completed — and nothing else (no activities, no database).
 */
export async function probeWorkflow(steps: number): Promise<number> {
  let done = 0;
  setHandler(probeStepUpdate, (n) => {
    done++;
    return n;
  });
  await condition(() => done >= steps);
  await condition(allHandlersFinished);
  return done;
}

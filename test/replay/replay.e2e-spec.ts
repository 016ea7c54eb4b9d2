import { Worker } from '@temporalio/worker';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encryptedDataConverter } from '@infra/temporal/encryption-codec';
import { readTestStack } from '../setup/test-stack';
import { HISTORIES_DIR } from '../support/record-histories';

/**
 * Replays recorded histories of every flow against the current workflow code (every
 * file in workflows/histories/, including extra recordings of one type such as
 * `paymentWorkflow.from-draft.json`). A change that would break running workflows (a
 * reordered activity, a removed timer) fails here instead of in production. The
 * recordings were made with the test payload key (test/setup/env.ts), which the
 * replay decodes with.
 */
describe('recorded workflow histories replay on the current code', () => {
  const files = readdirSync(HISTORIES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();

  it('covers every long-lived flow', () => {
    const types = files.map((f) => f.replace(/\.json$/, ''));
    expect(types).toEqual(expect.arrayContaining(['onboardingWorkflow', 'registrationWorkflow', 'paymentWorkflow', 'subUserRequestWorkflow']));
    // Payments both ways: started at the first submission (before drafts had a workflow) and with the draft.
    expect(types).toEqual(expect.arrayContaining(['paymentWorkflow', 'paymentWorkflow.from-draft']));
  });

  it.each(files)('%s replays without non-determinism', async (file) => {
    const { workflowId, history } = JSON.parse(readFileSync(join(HISTORIES_DIR, file), 'utf8'));
    await Worker.runReplayHistory(
      {
        workflowBundle: { codePath: readTestStack().workflowBundlePath! },
        dataConverter: encryptedDataConverter(process.env.PAYLOAD_KEYS!),
        replayName: file,
      },
      history,
      workflowId,
    );
  });
});

import { Client } from '@temporalio/client';
import { workflowMetadataQuery } from '@temporalio/workflow';
import { paymentWorkflowId } from '@workflows/payment/payment.messages';
import { startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { cabinet, confirm, setPolicy, statusBecomes, submitted } from './support';

/**
 * The payment workflow tells an operator what it waits for (Temporal's current details), from
 * the aggregate's state: counts and status only. The query answer is a payload like any other,
 * so the codec encrypts it: a client without the key cannot read it.
 */
describe('payment workflow current details', () => {
  let h: Harness;
  const mail = new MailCatcher();

  beforeAll(async () => {
    h = await startHarness({ COMPLIANCE_HOLD_THRESHOLD: '1000000.00' });
  });
  afterAll(async () => {
    await h.close();
  });

  const details = async (id: string) => (await h.temporal.workflow.getHandle(paymentWorkflowId(id)).query(workflowMetadataQuery)).currentDetails;

  it('follows the confirmations and ends with the outcome; unreadable without the payload key', async () => {
    const c = await cabinet(h, mail, ['FULL_ACCESS', 'FULL_ACCESS', 'FULL_ACCESS']);
    const [dir1, dir2, dir3] = c.users;
    await setPolicy(h, mail, dir1!, { rules: [{ minAmount: '0', requiredConfirmations: 2 }] });
    const id = await submitted(h, c, dir1, '5000.00');
    expect(await details(id)).toBe('Waiting for 2 more confirmations (0 of 2)');
    await confirm(h, mail, dir2!, id);
    expect(await details(id)).toBe('Waiting for 1 more confirmation (1 of 2)');

    const plain = new Client({ connection: h.temporal.connection, namespace: h.env.TEMPORAL_NAMESPACE });
    await expect(plain.workflow.getHandle(paymentWorkflowId(id)).query(workflowMetadataQuery)).rejects.toThrow();

    await confirm(h, mail, dir3!, id);
    await statusBecomes(h, dir1!, id, 'EXECUTED');
    expect(await details(id)).toBe('Done: executed by the bank');
  });
});

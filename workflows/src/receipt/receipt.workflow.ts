import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  isCancellation,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { showFinished, showWorking } from '../shared/current-details';
import { FlowStatus } from '../shared/search-attributes';
import { byUser, transitionTrail } from '../shared/transition-trail';
import { userBlockedSignal } from '../shared/user-blocked';
import type { ReceiptActivities } from './receipt.activities.contract';
import type { ReceiptInput, ReceiptOutcome } from './receipt.messages';

// A mail server or SMS gateway that is down for a while delays the receipt; it is not lost.
const io = proxyActivities<ReceiptActivities>({
  startToCloseTimeout: '1 minute',
  scheduleToCloseTimeout: '1 day',
  retry: { initialInterval: '2 seconds', maximumInterval: '10 minutes', nonRetryableErrorTypes: ['RECEIPT.NOT_DELIVERABLE'] },
});

const notDeliverable = (error: unknown) =>
  error instanceof ActivityFailure && error.cause instanceof ApplicationFailure && error.cause.type === 'RECEIPT.NOT_DELIVERABLE';

/**
 * Delivers one requested payment receipt (§2.5), `receipt-<paymentId>-<userId>-<key>`.
 * If the bank blocks the requesting user meanwhile (§1.14), the delivery is called off;
 * the activity itself also re-checks the user before anything is sent.
 */
export async function receiptWorkflow(input: ReceiptInput): Promise<{ status: ReceiptOutcome }> {
  const sending = new CancellationScope();
  setHandler(userBlockedSignal, ({ userId }) => {
    if (userId === input.userId) sending.cancel();
  });
  const { workflowId } = workflowInfo();
  // The user asked for it in a cabinet session; how the delivery ends is the flow's own.
  const trail = transitionTrail({ workflowId, flow: 'receipt', partnerId: input.partnerId });
  trail.note('SENDING', 'START', byUser(input.userId));
  await trail.flush();
  showWorking(`Sending the receipt by ${input.channel}; retried until delivered (up to a day)`);
  let status: ReceiptOutcome = 'SENT';
  let event = 'DELIVERED';
  try {
    await sending.run(() => io.sendPaymentReceipt({ ...input, workflowId }));
  } catch (error) {
    if (isCancellation(error)) [status, event] = ['CANCELLED', 'USER_BLOCKED'];
    else if (notDeliverable(error)) [status, event] = ['NOT_SENT', 'NOT_DELIVERABLE'];
    else throw error;
  }
  upsertSearchAttributes([{ key: FlowStatus, value: status }]);
  showFinished(status);
  trail.note(status, event);
  await trail.flush();
  return { status };
}

import { proxyActivities } from '@temporalio/workflow';
import type { CoreBankingActivities } from '@workflows/payment/core-banking.activities.contract';

// A short start-to-close timeout: an attempt whose worker died is retried within seconds.
const bank = proxyActivities<CoreBankingActivities>({
  startToCloseTimeout: '3 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '1 second' },
});

/** The smallest workflow that orders the core-banking port, for the crash test only. */
export async function executePaymentTestWorkflow(paymentId: string) {
  return bank.executePayment({ paymentId });
}

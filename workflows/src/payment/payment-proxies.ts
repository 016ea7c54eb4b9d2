import { proxyActivities } from '@temporalio/workflow';
import type { AuditActivities } from '../shared/audit.activities.contract';
import type { CoreBankingActivities } from './core-banking.activities.contract';
import type { PaymentActivities } from './payment.activities.contract';
import type { PaymentSettings } from './payment.messages';

/** A few minutes: long enough to ride out a database restart, short enough that nothing waits for ever. */
export const DEFAULT_RECORD_RETRY_MS = 3 * 60_000;

/**
 * The payment workflow's activity options. The worker's activity interceptor makes data errors
 * non-retryable, and logs an `alert` once any activity keeps failing (apps/worker/src/activity-errors).
 */
export function createProxies(settings: PaymentSettings) {
  const budget = settings.recordRetryMs ?? DEFAULT_RECORD_RETRY_MS;
  return {
    /** Bookkeeping writes: retried within a bounded time, then the step is refused (and put back). */
    io: proxyActivities<PaymentActivities & AuditActivities>({
      startToCloseTimeout: Math.min(30_000, budget),
      scheduleToCloseTimeout: budget,
      retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
    }),
    /** A code the caller waits for: give up in time for the REST call to hear about it. */
    urgent: proxyActivities<PaymentActivities>({
      startToCloseTimeout: '15 seconds',
      scheduleToCloseTimeout: '45 seconds',
      retry: { initialInterval: '500 milliseconds', maximumInterval: '5 seconds' },
    }),
    /**
     * The core-banking port is idempotent by payment id and, once called, money may have moved:
     * no step can take that back, so it is retried for as long as it takes (§2.4).
     */
    bank: proxyActivities<CoreBankingActivities>({
      startToCloseTimeout: '1 minute',
      retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
    }),
    /** Writes of what the bank did: the same reason — the row must end up saying it, however long that takes. */
    ledger: proxyActivities<PaymentActivities>({
      startToCloseTimeout: '30 seconds',
      retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
    }),
  };
}

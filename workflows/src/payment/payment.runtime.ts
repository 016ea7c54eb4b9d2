import { proxyActivities, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { AuditActivities } from '../shared/audit.activities.contract';
import { UserIds } from '../shared/search-attributes';
import type { CoreBankingActivities } from './core-banking.activities.contract';
import type { PaymentActivities, PaymentRecord } from './payment.activities.contract';
import type { PaymentWorkflowInput } from './payment.messages';
import type { PaymentState } from './payment.state';

/** Bookkeeping writes: retried until the database answers. */
const io = proxyActivities<PaymentActivities & AuditActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});
/** A code the caller waits for: give up in time for the REST call to hear about it. */
const urgent = proxyActivities<PaymentActivities>({
  startToCloseTimeout: '15 seconds',
  scheduleToCloseTimeout: '45 seconds',
  retry: { initialInterval: '500 milliseconds', maximumInterval: '5 seconds' },
});
/** The core-banking port is idempotent by payment id: retried for as long as it takes (§2.4). */
const bank = proxyActivities<CoreBankingActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export interface PaymentRuntime {
  readonly state: PaymentState;
  readonly input: PaymentWorkflowInput;
  readonly urgent: typeof urgent;
  readonly bank: typeof bank;
  /** Runs activities one after another in the order steps were taken (see below). */
  queue<T>(run: () => Promise<T>): Promise<T>;
  /** Queues the write of a step (taken synchronously by the caller) and its audit transition. */
  persist(record: PaymentRecord): Promise<void>;
  /** Lists in `UserIds` everyone the flow waits on or acts for (§1.14). */
  syncUsers(): void;
  /** Resolves once every queued activity has finished. */
  idle(): Promise<void>;
}

/**
 * Handlers run concurrently between awaits, so two steps could write PostgreSQL out of
 * order; one queue keeps writes, codes and the bank call in the order the steps were
 * taken — the bank never reads a document older than the one that was confirmed.
 */
export function createRuntime(state: PaymentState, input: PaymentWorkflowInput): PaymentRuntime {
  const { workflowId } = workflowInfo();
  let tail: Promise<unknown> = Promise.resolve();
  let audited: string = state.status;
  const queue = <T>(run: () => Promise<T>): Promise<T> => {
    const next = tail.then(run);
    tail = next.catch(() => undefined);
    return next;
  };
  return {
    state,
    input,
    urgent,
    bank,
    queue,
    persist(record) {
      const written = queue(() => io.recordPayment(record));
      const to = record.state.status;
      if (to !== audited) {
        const from = audited;
        const cause = record.events[0];
        audited = to;
        void queue(() =>
          io.recordTransition({
            workflowId,
            flow: 'payment',
            from,
            to,
            partnerId: input.partnerId,
            actorId: cause?.actorId ?? null,
            actorType: cause?.actorType ?? 'SYSTEM',
            event: cause?.type ?? 'UNKNOWN',
          }),
        );
      }
      return written;
    },
    syncUsers() {
      upsertSearchAttributes([{ key: UserIds, value: state.users() }]);
    },
    idle: () => queue(async () => undefined),
  };
}

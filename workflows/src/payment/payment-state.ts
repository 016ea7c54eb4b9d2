import { setCurrentDetails } from '@temporalio/workflow';
import {
  isPaymentFinal,
  paymentCodesView,
  paymentProjection,
  paymentStatus,
  paymentWaitingFor,
  startPaymentAggregate,
  type Payment,
  type PaymentStatus,
} from '@domain/payment';
import type { PaymentRecord, TimelineEntry } from './payment.activities.contract';
import type { PaymentView, PaymentWorkflowInput } from './payment.messages';

type RecordExtra = Pick<PaymentRecord, 'document' | 'confirmation' | 'voidConfirmations' | 'command'>;

/**
 * Where the workflow keeps the payment aggregate's value (libs/domain): it is only ever replaced
 * by a decision's state (or put back after a failed write). `changes` grows with every replacement
 * so the main loop can wait on one; `revision` counts writes to PostgreSQL.
 */
export class PaymentState {
  private current: Payment;
  changes = 0;
  /** Revisions taken; never rolled back, since a write that timed out may still have committed. */
  private revision = 0;
  /** The revision of the last write known to have committed: the row's `revision`. */
  private recorded = 0;

  constructor(private readonly input: PaymentWorkflowInput) {
    const origin = input.origin ?? 'submission';
    this.current = startPaymentAggregate({ ...input, content: input.document, terms: input.settings, at: Date.now(), origin });
    setCurrentDetails(paymentWaitingFor(this.current));
  }

  get payment(): Payment {
    return this.current;
  }

  get status(): PaymentStatus {
    return paymentStatus(this.current.document);
  }

  get final(): boolean {
    return isPaymentFinal(this.current.document);
  }

  /** Keeps a decision's state; what the flow waits for is shown as the current details (no personal data). */
  set(next: Payment): void {
    if (next === this.current) return;
    this.current = next;
    this.changes++;
    setCurrentDetails(paymentWaitingFor(next));
  }

  /** Wakes the main loop without a change (a blocked user: the loop has always looked again). */
  wake(): void {
    this.changes++;
  }

  /** A write committed (writes may land out of order after retries: the newest wins). */
  committed(revision: number): void {
    this.recorded = Math.max(this.recorded, revision);
  }

  /** The state to put back when a step's write fails (values are immutable). */
  snapshot(): Payment {
    return this.current;
  }

  restore(saved: Payment): void {
    this.set(saved);
    // Wakes the main loop: the expiry and the bank hand-off are judged again on the restored state.
    this.wake();
  }

  /** The next write of `payment`, taken now (before any await lets another handler change it). */
  record(events: TimelineEntry[], extra: RecordExtra = {}, payment: Payment = this.current): PaymentRecord {
    this.revision++;
    const at = Date.now();
    return { paymentId: this.input.paymentId, revision: this.revision, at: new Date(at).toISOString(), state: paymentProjection(payment, at), events, ...extra };
  }

  view(): PaymentView {
    const p = this.current;
    const projection = paymentProjection(p, Date.now());
    return {
      status: projection.status,
      version: projection.version,
      requiredConfirmations: projection.requiredConfirmations,
      confirmations: p.document.context.confirmations.map((x) => ({ userId: x.userId, version: x.version, at: new Date(x.at).toISOString() })),
      expiresAt: projection.expiresAt,
      hold: projection.hold,
      challenges: paymentCodesView(p),
      revision: this.recorded,
    };
  }
}

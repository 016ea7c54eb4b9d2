import type { MachineState } from '../../../libs/domain/src/machine-state';
import {
  decidePayment,
  isPaymentFinal,
  paymentConfirmationBinding,
  paymentStatus,
  paymentValueDate,
  storedDraftState,
  type ComplianceHold,
  type PaymentContext,
  type PaymentEvent,
  type PaymentStatus,
} from '../../../libs/domain/src/payment';
import { refusal } from '../shared/refusal';
import type { PaymentProjection, PaymentRecord, TimelineEntry } from './payment.activities.contract';
import { PaymentChallenges, type ChallengesSnapshot } from './payment-challenges';
import type { ConfirmationSummary, PaymentDocumentRecord, PaymentView, PaymentWorkflowInput } from './payment.messages';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * The document machine and everything the workflow keeps beside it: the current content
 * (codes are bound to it), the codes, the expiry, the compliance hold and the bank's answer.
 * Every change of the document goes through the domain's decidePayment; `changes` counts
 * changes so the workflow can wait on them, `revision` counts writes to PostgreSQL.
 */
export class PaymentState {
  document: MachineState<PaymentContext>;
  content: PaymentDocumentRecord;
  readonly challenges = new PaymentChallenges();
  expiresAt: number | null = null;
  hold: ComplianceHold | null = null;
  refusal: { code: string; reason: string } | null = null;
  executedAt: string | null = null;
  /** The value date fixed when the document reached the bank; before that it follows the clock. */
  private sentValueDate: string | null = null;
  changes = 0;
  /** Revisions taken; never rolled back, since a write that timed out may still have committed. */
  private revision = 0;
  /** The revision of the last write known to have committed: the row's `revision`. */
  recorded = 0;
  private readonly confirmers = new Set<string>();

  constructor(private readonly input: PaymentWorkflowInput) {
    this.document = storedDraftState({
      authorId: input.authorId,
      partnerId: input.partnerId,
      amountTiyn: input.document.amountTiyn,
      createdAt: input.createdAt,
      version: input.version,
    });
    this.content = input.document;
  }

  get status(): PaymentStatus {
    return paymentStatus(this.document);
  }

  get final(): boolean {
    return isPaymentFinal(this.document);
  }

  /** Validator use: the next state, or the domain's refusal thrown. */
  check(event: PaymentEvent): MachineState<PaymentContext> {
    const decision = decidePayment(this.document, event);
    if (!decision.ok) throw refusal(decision.error);
    return decision.state;
  }

  apply(event: PaymentEvent): void {
    this.set(this.check(event));
  }

  set(next: MachineState<PaymentContext>): void {
    const confirming = next.value === 'awaitingConfirmation' || next.value === 'partiallyConfirmed';
    if (this.document.value === 'sentToBank' && confirming) this.backFromBank();
    this.document = next;
    if (next.value === 'sentToBank' && this.sentValueDate === null) this.sentValueDate = this.currentValueDate();
    for (const c of next.context.confirmations) this.confirmers.add(c.userId);
    if (this.final || this.status === 'SENT_TO_BANK') this.challenges.cancel(() => true, 'DOCUMENT_CLOSED');
    this.changes++;
  }

  /**
   * A confirmation was withdrawn before core banking had the document (§1.14): any compliance
   * review was of a document that is no longer fully confirmed, so it is discarded — the next
   * full confirmation is reviewed afresh. The value date follows the clock again, and the
   * confirmers get a full lifetime, as after a submission: the delay was the bank's, not theirs.
   */
  private backFromBank(): void {
    this.hold = null;
    this.sentValueDate = null;
    this.expiresAt = Date.now() + this.input.settings.confirmationTtlMs;
  }

  /** Everything a step may change, to put back when its write fails (see PaymentRuntime.step). */
  snapshot(): PaymentSnapshot {
    const { document, content, expiresAt, hold, refusal, executedAt, sentValueDate } = this;
    return { document, content, expiresAt, hold, refusal, executedAt, sentValueDate, confirmers: [...this.confirmers], challenges: this.challenges.snapshot() };
  }

  restore(s: PaymentSnapshot): void {
    ({ document: this.document, content: this.content, expiresAt: this.expiresAt, hold: this.hold } = s);
    ({ refusal: this.refusal, executedAt: this.executedAt, sentValueDate: this.sentValueDate } = s);
    this.confirmers.clear();
    for (const u of s.confirmers) this.confirmers.add(u);
    this.challenges.restore(s.challenges);
    // Wakes the main loop: the expiry and the bank hand-off are judged again on the restored state.
    this.changes++;
  }

  /** What the user's code is bound to: this document, its current version, amount and beneficiary. */
  binding(userId: string) {
    return paymentConfirmationBinding({
      paymentId: this.input.paymentId,
      version: this.document.context.version,
      amountTiyn: this.content.amountTiyn,
      beneficiaryIban: this.content.beneficiary.iban,
      beneficiaryBinIin: this.content.beneficiary.binIin,
      userId,
    });
  }

  /** Users the flow waits on or acts for (§1.14): everyone sent a code, and every confirmer. */
  users(): string[] {
    return [...new Set([...this.challenges.users(), ...this.confirmers])];
  }

  summary(): ConfirmationSummary {
    const { confirmations, requiredConfirmations } = this.document.context;
    return { status: this.status, confirmations: confirmations.length, requiredConfirmations };
  }

  projection(): PaymentProjection {
    const c = this.document.context;
    return {
      status: this.status,
      version: c.version,
      requiredConfirmations: c.policy ? c.requiredConfirmations : null,
      policy: c.policy,
      submittedAt: iso(c.submittedAt),
      expiresAt: c.sentAt === null && !this.final ? iso(this.expiresAt) : null,
      valueDate: this.sentValueDate ?? this.currentValueDate(),
      hold: this.hold && { status: this.hold.status, deadline: new Date(this.hold.deadline).toISOString() },
      refusal: this.refusal,
      executedAt: this.executedAt,
    };
  }

  private currentValueDate(): string {
    return paymentValueDate(Date.now(), this.input.settings.calendar);
  }

  /** The next write of this state, taken now (before any await lets another handler change it). */
  record(events: TimelineEntry[], extra: Pick<PaymentRecord, 'document' | 'confirmation' | 'voidConfirmations'> = {}): PaymentRecord {
    this.revision++;
    return { paymentId: this.input.paymentId, revision: this.revision, at: new Date().toISOString(), state: this.projection(), events, ...extra };
  }

  view(): PaymentView {
    const c = this.document.context;
    const projection = this.projection();
    return {
      status: this.status,
      version: c.version,
      requiredConfirmations: projection.requiredConfirmations,
      confirmations: c.confirmations.map((x) => ({ userId: x.userId, version: x.version, at: new Date(x.at).toISOString() })),
      expiresAt: projection.expiresAt,
      hold: projection.hold,
      challenges: this.challenges.view(),
      revision: this.recorded,
    };
  }
}

/** Immutable values only (machine states, holds and documents are replaced, never mutated). */
export interface PaymentSnapshot {
  readonly document: MachineState<PaymentContext>;
  readonly content: PaymentDocumentRecord;
  readonly expiresAt: number | null;
  readonly hold: ComplianceHold | null;
  readonly refusal: { code: string; reason: string } | null;
  readonly executedAt: string | null;
  readonly sentValueDate: string | null;
  readonly confirmers: readonly string[];
  readonly challenges: ChallengesSnapshot;
}


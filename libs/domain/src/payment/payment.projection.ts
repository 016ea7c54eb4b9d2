import { challengeStatus } from '../challenge/challenge.decide';
import type { ChallengeStatus } from '../challenge/challenge.types';
import type { Payment, PaymentProjection } from './payment.aggregate.types';
import { isPaymentFinal, paymentStatus } from './payment.decide';
import type { PaymentStatus } from './payment.types';
import { iso, valueDateOf } from './payment-decision';

const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

/** The document as its row mirrors it, at instant `at` (the value date follows the clock until sent). */
export const paymentProjection = (p: Payment, at: number): PaymentProjection => {
  const c = p.document.context;
  return {
    status: paymentStatus(p.document),
    version: c.version,
    requiredConfirmations: c.policy ? c.requiredConfirmations : null,
    policy: c.policy,
    submittedAt: isoOrNull(c.submittedAt),
    expiresAt: c.sentAt === null && !isPaymentFinal(p.document) ? isoOrNull(p.expiresAt) : null,
    valueDate: valueDateOf(p, at),
    hold: p.hold && { status: p.hold.status, deadline: iso(p.hold.deadline) },
    refusal: p.bankRefusal,
    executedAt: p.executedAt,
  };
};

export interface ConfirmationSummary {
  status: PaymentStatus;
  confirmations: number;
  requiredConfirmations: number;
}

export const confirmationSummary = (p: Payment): ConfirmationSummary => {
  const { confirmations, requiredConfirmations } = p.document.context;
  return { status: paymentStatus(p.document), confirmations: confirmations.length, requiredConfirmations };
};

export interface PaymentCodeView {
  challengeId: string;
  userId: string;
  version: number;
  status: ChallengeStatus;
  expiresAt: string;
  attemptsLeft: number;
}

export const paymentCodesView = (p: Payment): PaymentCodeView[] =>
  p.codes.entries.map((c) => ({
    challengeId: c.challengeId,
    userId: c.userId,
    version: c.version,
    status: challengeStatus(c.state),
    expiresAt: iso(c.state.context.expiresAt),
    attemptsLeft: c.state.context.attemptsLeft,
  }));

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/**
 * What the flow waits for, in a line for an operator (Temporal's current details). Status and
 * counts only: no names, amounts, accounts or reasons, since the line is shown as it is.
 */
export const paymentWaitingFor = (p: Payment): string => {
  const { confirmations, requiredConfirmations } = p.document.context;
  switch (p.document.value) {
    case 'draft':
      return 'Draft: waiting for a submission';
    case 'awaitingConfirmation':
    case 'partiallyConfirmed': {
      const missing = Math.max(1, requiredConfirmations - confirmations.length);
      return `Waiting for ${plural(missing, 'more confirmation')} (${confirmations.length} of ${requiredConfirmations})`;
    }
    case 'sentToBank':
      return p.hold?.status === 'ON_HOLD' ? 'With the bank: waiting for a compliance decision' : 'With the bank: waiting to be handed to core banking';
    case 'handedToCoreBanking':
      return 'Waiting for core banking to execute it';
    case 'executed':
      return 'Done: executed by the bank';
    case 'refused':
      return 'Done: refused by the bank';
    case 'cancelled':
      return 'Done: cancelled';
    default:
      return 'Done: expired unconfirmed';
  }
};

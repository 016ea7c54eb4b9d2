import { domainError, type DomainError } from '../domain-error';
import { tiynFromString } from './approval-policy';
import { isCleanText, REASON_RULES } from '../values/text.value-object';
import { reasonInvalid, reasonRequired } from './payment.errors';

/**
 * The bank's compliance review of a large payment (§2.4: the bank executes "or refuses"):
 * a fully confirmed payment above the configured threshold waits, still SENT_TO_BANK for
 * the partner, until an operator releases or refuses it, or the review deadline passes
 * (then it is refused). Smaller payments go straight to execution. A hold reviews a fully
 * confirmed document: when a blocked confirmer's confirmation is withdrawn during it (§1.14,
 * see WITHDRAW_CONFIRMATION) the hold is discarded, and the next full confirmation places a new one.
 */
export type ComplianceHoldStatus = 'ON_HOLD' | 'RELEASED' | 'REFUSED' | 'EXPIRED';

export interface ComplianceHold {
  readonly status: ComplianceHoldStatus;
  readonly heldAt: number;
  /** The operator must decide by then (epoch ms); afterwards the payment is refused. */
  readonly deadline: number;
  readonly decidedBy: string | null;
  readonly decidedAt: number | null;
  readonly reason: string | null;
}

export type ComplianceHoldEvent =
  | { readonly type: 'RELEASE'; readonly operatorId: string; readonly at: number }
  | { readonly type: 'REFUSE'; readonly operatorId: string; readonly reason: string; readonly at: number }
  | { readonly type: 'DEADLINE_PASSED'; readonly at: number };

export type ComplianceHoldDecision = { ok: true; hold: ComplianceHold } | { ok: false; error: DomainError };

/** Refusal codes recorded on the payment when the review refuses it. */
export const ComplianceRefusalCode = {
  REFUSED: 'COMPLIANCE.REFUSED',
  DEADLINE_PASSED: 'COMPLIANCE.DEADLINE_PASSED',
} as const;

export const COMPLIANCE_DEADLINE_REASON = 'The compliance review was not completed in time.';

export const notOnHold = (status: ComplianceHoldStatus | null): DomainError =>
  domainError('PAYMENT.NOT_ON_HOLD', 'CONFLICT', 'The payment is not waiting for a compliance decision.', {
    hold: status,
  });

/**
 * Whether a payment of `amountTiyn` waits for a compliance decision: strictly above the
 * threshold (both whole tiyn as decimal strings). Throws on malformed input: the threshold
 * is validated configuration and the amount a validated document.
 */
export const needsComplianceHold = (amountTiyn: string, thresholdTiyn: string): boolean => {
  const amount = tiynFromString(amountTiyn);
  const threshold = tiynFromString(thresholdTiyn);
  if (amount === null || threshold === null) throw new RangeError('amounts must be whole tiyn as decimal strings.');
  return amount > threshold;
};

/** A new hold placed at `at` for `ttlMs`. */
export const placeComplianceHold = (at: number, ttlMs: number): ComplianceHold => {
  if (!Number.isSafeInteger(at) || !Number.isSafeInteger(ttlMs) || ttlMs <= 0) {
    throw new RangeError('at and ttlMs must be positive integers of milliseconds.');
  }
  return { status: 'ON_HOLD', heldAt: at, deadline: at + ttlMs, decidedBy: null, decidedAt: null, reason: null };
};

/** An operator's decision or the deadline, on a hold that is still open (`hold` null: none was placed). */
export const decideComplianceHold = (hold: ComplianceHold | null, event: ComplianceHoldEvent): ComplianceHoldDecision => {
  if (hold === null || hold.status !== 'ON_HOLD') return { ok: false, error: notOnHold(hold?.status ?? null) };
  switch (event.type) {
    case 'RELEASE':
      return { ok: true, hold: { ...hold, status: 'RELEASED', decidedBy: event.operatorId, decidedAt: event.at } };
    case 'REFUSE': {
      const reason = event.reason.trim();
      if (reason.length === 0) return { ok: false, error: reasonRequired() };
      // The operator's words go to the partner and the row: the same text policy as a user's.
      if (!isCleanText(reason, REASON_RULES)) return { ok: false, error: reasonInvalid() };
      return { ok: true, hold: { ...hold, status: 'REFUSED', decidedBy: event.operatorId, decidedAt: event.at, reason } };
    }
    case 'DEADLINE_PASSED':
      if (event.at < hold.deadline) {
        return {
          ok: false,
          error: domainError('PAYMENT.HOLD_DEADLINE_NOT_REACHED', 'CONFLICT', 'The review deadline has not passed.', {
            deadline: hold.deadline,
          }),
        };
      }
      return {
        ok: true,
        hold: { ...hold, status: 'EXPIRED', decidedAt: event.at, reason: COMPLIANCE_DEADLINE_REASON },
      };
  }
};

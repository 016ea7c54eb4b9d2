import type { Actor } from '../access-level';
import type { DomainError } from '../domain-error';
import type { Payment, PaymentCommand, PaymentDecision, PaymentTimelineEntry } from './payment.aggregate.types';
import { codeResendRefusal } from './payment-challenge.rules';
import { cancelCodes, checkCode, findCode, isCode, issueCode, lastCodeIssuedAt, withCodeState } from './payment-codes';
import { decidePayment, paymentStatus } from './payment.decide';
import { accepted, bySystem, byUser, codeBinding, iso, moveDocument, paymentUsers, refused, valueDateOf } from './payment-decision';

type On<T extends PaymentCommand['type']> = Extract<PaymentCommand, { type: T }>;

/**
 * A code is sent only to someone who could confirm the current version now (§1.2.1: an ACTIVE
 * full-access user who has not confirmed it yet), and not again before the resend cooldown.
 */
export const codeRequestRefusal = (p: Payment, actor: Actor, at: number): DomainError | null => {
  const { version } = p.document.context;
  const may = decidePayment(p.document, { type: 'CONFIRM', actor, version, at });
  if (!may.ok) return may.error;
  return codeResendRefusal(lastCodeIssuedAt(p.codes, actor.userId, version), at, p.terms.codeResendCooldownMs);
};

/** §1.13: a code bound to the current version, superseding the user's previous one; recorded before it is sent. */
export const decideRequestCode = (p: Payment, { actor, challengeId, at }: On<'REQUEST_CODE'>): PaymentDecision => {
  const refusal = codeRequestRefusal(p, actor, at);
  if (refusal) return refused(refusal);
  const { version } = p.document.context;
  const codes = issueCode(p.codes, {
    challengeId,
    userId: actor.userId,
    version,
    binding: codeBinding(p, actor.userId),
    at,
    ttlMs: p.terms.codeTtlMs,
    maxAttempts: p.terms.codeMaxAttempts,
  });
  const s: Payment = { ...p, codes };
  const expiresAt = iso(codes.entries[codes.entries.length - 1]!.state.context.expiresAt);
  return accepted(s, [
    { type: 'LIST_USERS', userIds: paymentUsers(s) },
    { type: 'RECORD', events: [byUser(actor, 'CONFIRMATION_REQUESTED', { challengeId, version })] },
    { type: 'SEND_CODE', challengeId, userId: actor.userId, version, expiresAt },
  ]);
};

/**
 * The API's verdict on a code. A wrong one spends an attempt (the last locks the code), and the
 * attempt stands even if its write fails. A right one confirms the version the code was bound
 * to (dynamic linking, §1.13) — refused if the document is no longer what the code was sent for.
 */
export const decideCheckCode = (p: Payment, { actor, challengeId, correct, at }: On<'CHECK_CODE'>): PaymentDecision => {
  const code = findCode(p.codes, challengeId, actor.userId);
  if (!isCode(code)) return refused(code);
  const next = checkCode(code, { type: 'CODE_CHECKED', purpose: 'PAYMENT', binding: codeBinding(p, actor.userId), correct, at });
  if (!next.ok) return refused(next.error);
  const codes = withCodeState(p.codes, challengeId, next.state);
  if (!correct) {
    const { attemptsLeft } = next.state.context;
    const locked = next.state.value === 'locked';
    return accepted({ ...p, codes }, [
      { type: 'KEEP_CODE_ATTEMPT', challengeId, state: next.state },
      { type: 'RECORD', events: [byUser(actor, 'CODE_REJECTED', { challengeId, attemptsLeft, locked })] },
    ]);
  }
  const d = decidePayment(p.document, { type: 'CONFIRM', actor, version: code.version, at });
  if (!d.ok) return refused(d.error);
  const s = moveDocument({ ...p, codes }, d.state, at);
  const confirmations = s.document.context.confirmations.length;
  const events: PaymentTimelineEntry[] = [byUser(actor, 'CONFIRMED', { challengeId, version: code.version, confirmations })];
  if (paymentStatus(s.document) === 'SENT_TO_BANK') events.push(bySystem('SENT_TO_BANK', { valueDate: valueDateOf(s, at) }));
  return accepted(s, [
    { type: 'LIST_USERS', userIds: paymentUsers(s) },
    { type: 'RECORD', events, confirmation: { userId: actor.userId, version: code.version, challengeId } },
  ]);
};

/** §1.14: a blocked user's codes die at once. */
export const decideBlockUser = (p: Payment, { userId }: On<'BLOCK_USER'>): PaymentDecision => {
  const codes = cancelCodes(p.codes, (c) => c.userId === userId, 'USER_BLOCKED');
  return accepted(codes === p.codes ? p : { ...p, codes });
};

/**
 * §1.14: a blocked user's confirmation no longer counts unless core banking has the document.
 * Withdrawn while with the bank, the document goes back to its confirmers and any hold goes.
 * Nothing to withdraw: only the user's codes are cancelled (again, in case a put-back step restored one).
 */
export const decideWithdrawal = (p: Payment, { userId, at }: On<'WITHDRAW_CONFIRMATION'>): PaymentDecision => {
  const codes = cancelCodes(p.codes, (c) => c.userId === userId, 'USER_BLOCKED');
  const base: Payment = codes === p.codes ? p : { ...p, codes };
  const d = decidePayment(base.document, { type: 'WITHDRAW_CONFIRMATION', userId, at });
  if (!d.ok) return accepted(base);
  const s = moveDocument(base, d.state, at);
  const events = [bySystem('CONFIRMATION_WITHDRAWN', { userId, reason: 'USER_BLOCKED' })];
  if (base.hold !== null && s.hold === null) events.push(bySystem('HOLD_DISCARDED', { reason: 'CONFIRMATION_WITHDRAWN' }));
  return accepted(s, [{ type: 'RECORD', events, voidConfirmations: { userId, reason: 'USER_BLOCKED' } }]);
};

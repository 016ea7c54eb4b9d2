import { decideChallenge, initialChallengeState, isChallengeFinal } from '../challenge/challenge.decide';
import type { ChallengeBinding, ChallengeContext, ChallengeEvent } from '../challenge/challenge.types';
import type { DomainError } from '../domain-error';
import type { MachineState } from '../machine-state';
import type { PaymentCode, PaymentCodes } from './payment.aggregate.types';
import { challengeNotFound } from './payment-challenge.rules';

/**
 * The confirmation codes of one document (§1.13), one challenge machine each, as an immutable
 * value. A code belongs to the user it was sent to: anyone else asking about it hears NOT_FOUND.
 */
export const NO_CODES: PaymentCodes = { entries: [], lastIssued: {}, users: [] };

export type CodeCancelReason = 'SUPERSEDED' | 'DOCUMENT_CHANGED' | 'DOCUMENT_CLOSED' | 'USER_BLOCKED';

const issuedKey = (userId: string, version: number) => `${userId}/${version}`;

/** A new version is a new thing to confirm: its first code is never held back. */
export const lastCodeIssuedAt = (codes: PaymentCodes, userId: string, version: number): number | null => codes.lastIssued[issuedKey(userId, version)] ?? null;

/** The user's own code, or NOT_FOUND. */
export const findCode = (codes: PaymentCodes, challengeId: string, userId: string): PaymentCode | DomainError => {
  const code = codes.entries.find((c) => c.challengeId === challengeId);
  return code && code.userId === userId ? code : challengeNotFound();
};

export const isCode = (found: PaymentCode | DomainError): found is PaymentCode => 'challengeId' in found;

/** The challenge's next state, or the domain's refusal. */
export const checkCode = (code: PaymentCode, event: ChallengeEvent) => decideChallenge(code.state, event);

/** Replaces one code's challenge state. */
export const withCodeState = (codes: PaymentCodes, challengeId: string, state: MachineState<ChallengeContext>): PaymentCodes => ({
  ...codes,
  entries: codes.entries.map((c) => (c.challengeId === challengeId ? { ...c, state } : c)),
});

/** Cancels every open code that `which` selects; the same value when none was open. */
export const cancelCodes = (codes: PaymentCodes, which: (code: PaymentCode) => boolean, reason: CodeCancelReason): PaymentCodes => {
  let changed = false;
  const entries = codes.entries.map((code) => {
    if (!which(code) || isChallengeFinal(code.state)) return code;
    const next = decideChallenge(code.state, { type: 'CANCEL', reason });
    if (!next.ok) return code;
    changed = true;
    return { ...code, state: next.state };
  });
  return changed ? { ...codes, entries } : codes;
};

/** A new code for `userId`, superseding their previous one for this document. */
export const issueCode = (
  codes: PaymentCodes,
  input: { challengeId: string; userId: string; version: number; binding: ChallengeBinding; at: number; ttlMs: number; maxAttempts: number },
): PaymentCodes => {
  const open = cancelCodes(codes, (c) => c.userId === input.userId, 'SUPERSEDED');
  const state = initialChallengeState({
    purpose: 'PAYMENT',
    binding: input.binding,
    issuedAt: input.at,
    ttlMs: input.ttlMs,
    maxAttempts: input.maxAttempts,
  });
  return {
    entries: [...open.entries, { challengeId: input.challengeId, userId: input.userId, version: input.version, state }],
    lastIssued: { ...open.lastIssued, [issuedKey(input.userId, input.version)]: input.at },
    users: open.users.includes(input.userId) ? open.users : [...open.users, input.userId],
  };
};

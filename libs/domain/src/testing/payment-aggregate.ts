/** Test-only: a payment aggregate and a way to walk it through commands. */
import type { Actor } from '../access-level';
import {
  decidePaymentCommand,
  startPaymentAggregate,
  type ApprovalPolicy,
  type Payment,
  type PaymentCommand,
  type PaymentContent,
  type PaymentDecision,
  type PaymentEffect,
  type PaymentStart,
  type PaymentTerms,
} from '../payment';
import { actor } from './actors';

export const T0 = Date.UTC(2026, 2, 2, 6, 0, 0); // a Monday, 11:00 in Almaty
export const P = 'partner-1';
export const author = actor('u-author', P, 'CREATE_AND_VIEW');
export const dir1 = actor('u-dir1', P);
export const dir2 = actor('u-dir2', P);
export const dir3 = actor('u-dir3', P);
export const stranger = actor('u-other', 'partner-2');

export const TERMS: PaymentTerms = {
  confirmationTtlMs: 60_000,
  codeTtlMs: 10_000,
  codeMaxAttempts: 3,
  codeResendCooldownMs: 1_000,
  holdThresholdTiyn: '100000000',
  holdTtlMs: 30_000,
  calendar: { cutOffMinutes: 18 * 60, holidays: [] },
};

export const content = (amountTiyn = '5000000'): PaymentContent => ({
  debitIban: 'KZ000000000000000001',
  amountTiyn,
  beneficiary: { name: 'Beneficiary LLP', binIin: '990140000385', iban: 'KZ000000000000000002', bic: 'KZKOKZKX', kbe: '17' },
  knp: '710',
  purpose: 'Invoice 17',
});

export const policy = (requiredConfirmations = 1, authorMayConfirm = false): ApprovalPolicy => ({
  rules: [{ minAmountTiyn: '0', requiredConfirmations }],
  authorMayConfirm,
});

/** A flow started with the draft (`origin: 'submission'`: as flows started at the first submission did). */
export const start = (amountTiyn?: string, terms: PaymentTerms = TERMS, origin: PaymentStart['origin'] = 'draft'): Payment =>
  startPaymentAggregate({
    paymentId: 'pay-1',
    partnerId: P,
    authorId: author.userId,
    createdAt: T0 - 1000,
    version: 1,
    content: content(amountTiyn),
    terms,
    at: T0,
    origin,
  });

/** The decision, asserting it was accepted. */
export const accept = (p: Payment, command: PaymentCommand): Extract<PaymentDecision, { ok: true }> => {
  const d = decidePaymentCommand(p, command);
  if (!d.ok) throw new Error(`${command.type} refused: ${d.error.code}`);
  return d;
};
export const errorOf = (p: Payment, command: PaymentCommand): string | null => {
  const d = decidePaymentCommand(p, command);
  return d.ok ? null : d.error.code;
};
export const walk = (p: Payment, ...commands: PaymentCommand[]): Payment => commands.reduce((s, c) => accept(s, c).state, p);

export const submit = (by: Actor = author, at = T0 + 1, pol: ApprovalPolicy = policy()): PaymentCommand => ({ type: 'SUBMIT', actor: by, policy: pol, at });
export const request = (by: Actor, challengeId: string, at: number): PaymentCommand => ({ type: 'REQUEST_CODE', actor: by, challengeId, at });
export const verdict = (by: Actor, challengeId: string, correct: boolean, at: number): PaymentCommand => ({
  type: 'CHECK_CODE',
  actor: by,
  challengeId,
  correct,
  at,
});

/** Requests a code for `by` and enters it right. */
export const confirmWithCode = (p: Payment, by: Actor, at: number): Payment =>
  walk(p, request(by, `ch-${by.userId}-${at}`, at), verdict(by, `ch-${by.userId}-${at}`, true, at + 1));

export const types = (effects: readonly PaymentEffect[]) => effects.map((e) => e.type);
export const recorded = (effects: readonly PaymentEffect[]) => effects.flatMap((e) => (e.type === 'RECORD' ? e.events.map((x) => x.type) : []));
export const codeStatuses = (p: Payment) => p.codes.entries.map((c) => `${c.userId}:${c.state.value}`);

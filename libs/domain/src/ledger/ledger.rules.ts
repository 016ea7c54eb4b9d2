/**
 * Double-entry rules of the ledger. Every movement of money is a posting of legs
 * whose debits equal its credits. All accounts, the bank's own included, keep their
 * balance in the same sense — a credit raises it, a debit lowers it — so the sum of
 * every balance in the ledger is zero at all times, and no payment changes it.
 */
export type LedgerDirection = 'DEBIT' | 'CREDIT';

/** The bank's own accounts, which are not any partner's. */
export const BankAccountCode = {
  /** Correspondent (clearing) account: payments to other banks leave through it. */
  CLEARING: 'CLEARING',
  /** Counterpart of the opening balances taken over from partners' applications. */
  OPENING: 'OPENING',
} as const;
export type BankAccountCode = (typeof BankAccountCode)[keyof typeof BankAccountCode];

export type LedgerAccountRef = { readonly kind: 'PARTNER'; readonly iban: string } | { readonly kind: 'BANK'; readonly code: BankAccountCode };

export interface LedgerLeg {
  readonly account: LedgerAccountRef;
  readonly direction: LedgerDirection;
  readonly amountTiyn: bigint;
}

/** The sum of debits and of credits of a set of legs (or entries). */
export const legTotals = (legs: ReadonlyArray<Pick<LedgerLeg, 'direction' | 'amountTiyn'>>) =>
  legs.reduce((t, leg) => (leg.direction === 'DEBIT' ? { ...t, debitTiyn: t.debitTiyn + leg.amountTiyn } : { ...t, creditTiyn: t.creditTiyn + leg.amountTiyn }), {
    debitTiyn: 0n,
    creditTiyn: 0n,
  });

/** Problems that make a posting unfit for the ledger; empty when it may be written. */
export const postingProblems = (legs: ReadonlyArray<LedgerLeg>): string[] => {
  const problems: string[] = [];
  if (legs.length < 2) problems.push('A posting needs at least one debit and one credit.');
  legs.forEach((leg, i) => {
    if (leg.amountTiyn <= 0n) problems.push(`Leg ${i} must move a positive amount.`);
  });
  const { debitTiyn, creditTiyn } = legTotals(legs);
  if (debitTiyn !== creditTiyn) problems.push(`Debits (${debitTiyn}) must equal credits (${creditTiyn}).`);
  return problems;
};

/** Throws on an unbalanced posting: writing one would be a bug, never a business outcome. */
export const assertBalancedPosting = (legs: ReadonlyArray<LedgerLeg>): void => {
  const problems = postingProblems(legs);
  if (problems.length > 0) throw new RangeError(`unbalanced ledger posting: ${problems.join(' ')}`);
};

/** The balance after one leg, in the ledger's single sense (credit raises, debit lowers). */
export const balanceAfter = (balanceTiyn: bigint, leg: Pick<LedgerLeg, 'direction' | 'amountTiyn'>): bigint =>
  leg.direction === 'CREDIT' ? balanceTiyn + leg.amountTiyn : balanceTiyn - leg.amountTiyn;

/** Stable text key of an account, for ordering locks and matching legs to rows. */
export const ledgerAccountKey = (ref: LedgerAccountRef): string => (ref.kind === 'PARTNER' ? `P:${ref.iban}` : `B:${ref.code}`);

import { formatMoney, MAX_AMOUNT_TIYN } from '../values/money.value-object';
import { LedgerRefusalCode, type LedgerRefusal } from './ledger.errors';
import { assertBalancedPosting, BankAccountCode, type LedgerLeg } from './ledger.rules';

/**
 * Only a document its partner fully confirmed reaches the bank (§1.2.1, §2.4): the ledger
 * never moves money for one in any other status, whatever asks it to.
 */
export const awaitsExecution = (status: string): boolean => status === 'SENT_TO_BANK';

/** What the bank knows, under lock, when it executes a payment (§2.4). */
export interface ExecutionFacts {
  /** The partner whose user created and confirmed the payment. */
  readonly payerPartnerId: string;
  readonly amountTiyn: bigint;
  readonly debitIban: string;
  readonly beneficiaryIban: string;
  /** The debit account as locked for this execution; null when no such account exists. */
  readonly debitAccount: { readonly partnerId: string; readonly balanceTiyn: bigint; readonly blocked: boolean } | null;
  /** Whether the beneficiary's IBAN is an account of this bank (credited directly). */
  readonly beneficiaryIsOurs: boolean;
}

export type ExecutionDecision = { readonly ok: true; readonly legs: ReadonlyArray<LedgerLeg> } | { readonly ok: false; readonly refusal: LedgerRefusal };

const refuse = (code: LedgerRefusal['code'], reason: string): ExecutionDecision => ({ ok: false, refusal: { code, reason } });

/**
 * Executes or refuses (§2.4). Checked in this order, so the first reason that stands is
 * the one reported: a sane amount; the debit account exists and is the payer's; it is not
 * also the beneficiary's; it is not blocked; it covers the amount (no overdraft). A
 * beneficiary account of this bank is credited directly, even while blocked: blocking
 * stops money going out of an account, not coming in. Any other beneficiary is paid
 * through the bank's correspondent (clearing) account.
 */
export const decideExecution = (facts: ExecutionFacts): ExecutionDecision => {
  const { amountTiyn, debitAccount } = facts;
  if (amountTiyn <= 0n || amountTiyn > MAX_AMOUNT_TIYN) {
    return refuse(LedgerRefusalCode.INVALID_AMOUNT, 'The payment amount is not a valid positive amount.');
  }
  if (!debitAccount || debitAccount.partnerId !== facts.payerPartnerId) {
    return refuse(LedgerRefusalCode.DEBIT_ACCOUNT_NOT_FOUND, `Account ${facts.debitIban} is not an account of the payer at this bank.`);
  }
  if (facts.debitIban === facts.beneficiaryIban) {
    return refuse(LedgerRefusalCode.SAME_ACCOUNT, 'The beneficiary account is the debit account itself.');
  }
  if (debitAccount.blocked) {
    return refuse(LedgerRefusalCode.ACCOUNT_BLOCKED, `Account ${facts.debitIban} is blocked: no payments can be made from it.`);
  }
  if (debitAccount.balanceTiyn < amountTiyn) {
    return refuse(
      LedgerRefusalCode.INSUFFICIENT_FUNDS,
      `Insufficient funds on account ${facts.debitIban}: the payment is ${formatMoney(amountTiyn)} KZT, ` +
        `the balance is ${formatMoney(debitAccount.balanceTiyn)} KZT.`,
    );
  }
  const legs: LedgerLeg[] = [
    { account: { kind: 'PARTNER', iban: facts.debitIban }, direction: 'DEBIT', amountTiyn },
    {
      account: facts.beneficiaryIsOurs ? { kind: 'PARTNER', iban: facts.beneficiaryIban } : { kind: 'BANK', code: BankAccountCode.CLEARING },
      direction: 'CREDIT',
      amountTiyn,
    },
  ];
  assertBalancedPosting(legs);
  return { ok: true, legs };
};

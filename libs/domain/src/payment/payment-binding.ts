import type { ChallengeBinding } from '../challenge/challenge.types';

export interface PaymentBindingFacts {
  readonly paymentId: string;
  readonly version: number;
  readonly amountTiyn: string;
  readonly beneficiaryIban: string;
  readonly beneficiaryBinIin: string;
  /** The confirming user: the code goes to their phone (§1.13). */
  readonly userId: string;
}

/**
 * What a payment-confirmation code is bound to: this document, this version of it,
 * its amount and beneficiary, and the user it was sent to. A code presented for
 * anything else is refused (CHALLENGE.BINDING_MISMATCH), so a code issued for one
 * document never confirms another, nor the same one after an edit.
 */
export const paymentConfirmationBinding = (facts: PaymentBindingFacts): ChallengeBinding => ({
  paymentId: facts.paymentId,
  version: String(facts.version),
  amountTiyn: facts.amountTiyn,
  beneficiaryIban: facts.beneficiaryIban,
  beneficiaryBinIin: facts.beneficiaryBinIin,
  userId: facts.userId,
});

import { z } from 'zod';
import { domainError, type DomainError } from '../domain-error';
import { bicSchema, binIinSchema, ibanSchema, kbeSchema, knpSchema, moneySchema, textSchema, type TextRules } from '../values';

/** Longest beneficiary name and purpose a payment order carries. */
export const BENEFICIARY_NAME_MAX_LENGTH = 200;
export const PAYMENT_PURPOSE_MAX_LENGTH = 420;

/**
 * Free text printed on the order and, for the name, in the confirmation SMS: the one text
 * policy, so what the user reads is what the code is bound to (§1.13) — no controls, no
 * bidi overrides or invisible characters that would reorder or hide an account tail.
 */
export const BENEFICIARY_NAME_RULES: TextRules = { label: 'Beneficiary name', max: BENEFICIARY_NAME_MAX_LENGTH };
export const PAYMENT_PURPOSE_RULES: TextRules = { label: 'Purpose', max: PAYMENT_PURPOSE_MAX_LENGTH };
export const beneficiaryNameSchema = textSchema(BENEFICIARY_NAME_RULES, ['ТОО «Жұлдыз»']);
export const paymentPurposeSchema = textSchema(PAYMENT_PURPOSE_RULES, ['Оплата по договору №12 от 01.11.2026']);

const beneficiaryShape = {
  name: beneficiaryNameSchema,
  binIin: binIinSchema,
  iban: ibanSchema,
  bic: bicSchema,
  kbe: kbeSchema,
};

/** The fields of a payment document as parsed from a request; `amount` becomes whole tiyn. */
export interface PaymentDocumentFields {
  readonly debitIban: string;
  readonly amountTiyn: bigint;
  readonly beneficiary: {
    readonly name: string;
    readonly binIin: string;
    readonly iban: string;
    readonly bic: string;
    readonly kbe: string;
  };
  readonly knp: string;
  readonly purpose: string;
}

/** Rules across fields: one problem per offending field. */
export const paymentDocumentProblems = (doc: PaymentDocumentFields): { path: string[]; message: string }[] =>
  doc.debitIban === doc.beneficiary.iban ? [{ path: ['beneficiary', 'iban'], message: 'The beneficiary account must differ from the debit account.' }] : [];

const crossFieldRefinement = (doc: PaymentDocumentFields, ctx: z.RefinementCtx) => {
  for (const problem of paymentDocumentProblems(doc)) ctx.addIssue({ code: 'custom', ...problem });
};

/** A new document (§1.2.2): every field required. */
export const paymentDocumentSchema = z
  .object({
    debitIban: ibanSchema,
    amount: moneySchema,
    beneficiary: z.object(beneficiaryShape).strict(),
    knp: knpSchema,
    purpose: paymentPurposeSchema,
  })
  .strict()
  .transform(({ amount, ...rest }): PaymentDocumentFields => ({ ...rest, amountTiyn: amount }))
  .superRefine(crossFieldRefinement);

/** An edit: any subset of the fields (beneficiary fields one by one); cross-field rules run after merging. */
export const paymentDocumentPatchSchema = z
  .object({
    debitIban: ibanSchema.optional(),
    amount: moneySchema.optional(),
    beneficiary: z.object(beneficiaryShape).partial().strict().optional(),
    knp: knpSchema.optional(),
    purpose: paymentPurposeSchema.optional(),
  })
  .strict()
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), 'Give at least one field to change.');

export type PaymentDocumentPatch = z.output<typeof paymentDocumentPatchSchema>;

/** The document after an edit. */
export const mergePaymentDocument = (doc: PaymentDocumentFields, patch: PaymentDocumentPatch): PaymentDocumentFields => ({
  debitIban: patch.debitIban ?? doc.debitIban,
  amountTiyn: patch.amount ?? doc.amountTiyn,
  beneficiary: { ...doc.beneficiary, ...definedOnly(patch.beneficiary ?? {}) },
  knp: patch.knp ?? doc.knp,
  purpose: patch.purpose ?? doc.purpose,
});

const definedOnly = <T extends object>(value: T): Partial<T> => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;

/** A partner pays only from its own accounts (§2.4): anything else is a well-formed but impossible order. */
export const debitAccountRefusal = (debitIban: string, partnerIbans: readonly string[]): DomainError | null =>
  partnerIbans.includes(debitIban)
    ? null
    : domainError('PAYMENT.DEBIT_ACCOUNT_NOT_OWN', 'UNPROCESSABLE', "The debit account is not one of the partner's accounts.", {
        field: 'debitIban',
      });

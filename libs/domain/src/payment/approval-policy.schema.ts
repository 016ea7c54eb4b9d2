import { z } from 'zod';
import { fail, ok, type Result } from '../result';
import { formatMoney, parseMoney } from '../values/money.value-object';
import { schemaFromParser } from '../values/schema-from-parser';
import { approvalPolicyProblems, DEFAULT_APPROVAL_POLICY, MAX_REQUIRED_CONFIRMATIONS, type ApprovalPolicy } from './approval-policy';

/** A tier's lower bound in KZT: like any amount, except that a tier may start at zero. */
const parseTierAmount = (input: unknown): Result<string> => {
  if (typeof input === 'string' && /^0(\.0{1,2})?$/.test(input)) return ok('0');
  const amount = parseMoney(input);
  return amount.ok ? ok(amount.value.toString()) : fail(...amount.errors);
};

const tierAmountSchema = schemaFromParser(parseTierAmount, {
  description: 'The tier applies to amounts of at least this many KZT (decimal string, at most 2 decimals).',
  examples: ['0', '1000000.00'],
});

/** Most tiers a partner may define; more is a typo, not a policy. */
export const MAX_APPROVAL_RULES = 10;

/**
 * `PUT /v1/partner/approval-policy`: tiers in KZT, turned into the domain's policy
 * (thresholds in tiyn). Cross-tier problems (duplicate thresholds, fewer confirmations
 * for a larger amount) are reported on `rules`.
 */
export const approvalPolicyRequestSchema = z
  .object({
    rules: z
      .array(
        z
          .object({
            minAmount: tierAmountSchema,
            requiredConfirmations: z
              .number({ error: 'requiredConfirmations must be a whole number.' })
              .int('requiredConfirmations must be a whole number.')
              .min(1, 'At least one confirmation.')
              .max(MAX_REQUIRED_CONFIRMATIONS, `At most ${MAX_REQUIRED_CONFIRMATIONS} confirmations.`),
          })
          .strict(),
      )
      .max(MAX_APPROVAL_RULES, `At most ${MAX_APPROVAL_RULES} tiers.`),
    authorMayConfirm: z.boolean().default(DEFAULT_APPROVAL_POLICY.authorMayConfirm),
  })
  .strict()
  .transform((body): ApprovalPolicy => ({
    rules: body.rules.map((r) => ({ minAmountTiyn: r.minAmount, requiredConfirmations: r.requiredConfirmations })),
    authorMayConfirm: body.authorMayConfirm,
  }))
  .superRefine((policy, ctx) => {
    for (const message of approvalPolicyProblems(policy)) ctx.addIssue({ code: 'custom', path: ['rules'], message });
  });

/** The policy as the cabinet reads it: thresholds in KZT, tiers by amount. */
export const approvalPolicyView = (policy: ApprovalPolicy) => ({
  rules: [...policy.rules]
    .sort((a, b) => (BigInt(a.minAmountTiyn) < BigInt(b.minAmountTiyn) ? -1 : 1))
    .map((r) => ({ minAmount: formatMoney(BigInt(r.minAmountTiyn)), requiredConfirmations: r.requiredConfirmations })),
  authorMayConfirm: policy.authorMayConfirm,
});

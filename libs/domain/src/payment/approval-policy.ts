/**
 * How many full-access confirmations a payment document needs, by amount: the
 * partner's approval policy (default: one, §1.2.1). Money is integer tiyn in a
 * decimal string (1 KZT = 100 tiyn) so policies and contexts survive JSON.
 */
export interface ApprovalRule {
  /** Applies to amounts of at least this many tiyn. */
  readonly minAmountTiyn: string;
  readonly requiredConfirmations: number;
}

export interface ApprovalPolicy {
  readonly rules: ReadonlyArray<ApprovalRule>;
  /** Whether the document's author, if full-access, may be one of its confirmers. */
  readonly authorMayConfirm: boolean;
}

export const DEFAULT_APPROVAL_POLICY: ApprovalPolicy = Object.freeze({
  rules: Object.freeze([]),
  authorMayConfirm: true,
});

/** A partner has only so many full-access users; more than this is a typo. */
export const MAX_REQUIRED_CONFIRMATIONS = 10;

/** Up to 10^18 − 1 tiyn: far beyond any payment, small enough to refuse absurd input. */
const TIYN = /^(0|[1-9][0-9]{0,17})$/;

/** The amount in tiyn, or null when it is not a canonical non-negative integer string. */
export const tiynFromString = (value: unknown): bigint | null => (typeof value === 'string' && TIYN.test(value) ? BigInt(value) : null);

/**
 * Every problem with a policy, in words for the person editing it. Thresholds must
 * differ, and a larger amount never needs fewer confirmations than a smaller one,
 * so splitting a payment is the only way around a threshold, never raising it.
 */
export const approvalPolicyProblems = (policy: ApprovalPolicy): string[] => {
  const problems: string[] = [];
  if (typeof policy?.authorMayConfirm !== 'boolean') problems.push('authorMayConfirm must be true or false.');
  if (!Array.isArray(policy?.rules)) return [...problems, 'rules must be a list.'];
  const parsed: Array<{ min: bigint; required: number }> = [];
  policy.rules.forEach((rule, i) => {
    const min = tiynFromString(rule?.minAmountTiyn);
    if (min === null) problems.push(`rules[${i}].minAmountTiyn must be a whole number of tiyn.`);
    const required = rule?.requiredConfirmations;
    if (!Number.isInteger(required) || required < 1 || required > MAX_REQUIRED_CONFIRMATIONS) {
      problems.push(`rules[${i}].requiredConfirmations must be 1 to ${MAX_REQUIRED_CONFIRMATIONS}.`);
    } else if (min !== null) parsed.push({ min, required });
  });
  parsed.sort((a, b) => (a.min < b.min ? -1 : a.min > b.min ? 1 : 0));
  for (let i = 1; i < parsed.length; i += 1) {
    const [lower, higher] = [parsed[i - 1]!, parsed[i]!];
    if (lower.min === higher.min) problems.push(`Two rules start at ${higher.min} tiyn.`);
    else if (higher.required < lower.required) {
      problems.push(`From ${higher.min} tiyn fewer confirmations are required than from ${lower.min} tiyn.`);
    }
  }
  return problems;
};

/**
 * Confirmations needed for `amountTiyn`: the rule with the largest threshold not
 * above the amount, and one when no rule applies. Throws on a malformed policy or
 * amount: callers validate first (the payment machine refuses such a SUBMIT).
 */
export const requiredConfirmations = (policy: ApprovalPolicy, amountTiyn: string): number => {
  const amount = tiynFromString(amountTiyn);
  if (amount === null) throw new RangeError('amountTiyn must be a whole number of tiyn.');
  const problems = approvalPolicyProblems(policy);
  if (problems.length > 0) throw new RangeError(problems.join(' '));
  let best: { min: bigint; required: number } | null = null;
  for (const rule of policy.rules) {
    const min = BigInt(rule.minAmountTiyn);
    if (min <= amount && (best === null || min > best.min)) best = { min, required: rule.requiredConfirmations };
  }
  return best?.required ?? 1;
};

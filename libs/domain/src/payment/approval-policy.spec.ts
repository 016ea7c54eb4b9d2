import fc from 'fast-check';
import { approvalPolicyProblems, DEFAULT_APPROVAL_POLICY, requiredConfirmations, tiynFromString, type ApprovalPolicy } from './approval-policy';

const policy = (...rules: Array<[string, number]>): ApprovalPolicy => ({
  authorMayConfirm: false,
  rules: rules.map(([minAmountTiyn, n]) => ({ minAmountTiyn, requiredConfirmations: n })),
});

describe('approval policy (§1.2.1 interpretation)', () => {
  it('default policy: one confirmation for any amount', () => {
    for (const amount of ['1', '15000000', '999999999999999999']) {
      expect(requiredConfirmations(DEFAULT_APPROVAL_POLICY, amount)).toBe(1);
    }
  });

  it('the rule with the largest threshold not above the amount applies, thresholds inclusive', () => {
    const tiers = policy(['100000000', 3], ['0', 1], ['10000000', 2]); // 1M KZT → 3, 100k KZT → 2
    expect(requiredConfirmations(tiers, '9999999')).toBe(1);
    expect(requiredConfirmations(tiers, '10000000')).toBe(2);
    expect(requiredConfirmations(tiers, '99999999')).toBe(2);
    expect(requiredConfirmations(tiers, '100000000')).toBe(3);
    expect(requiredConfirmations(policy(['10000000', 2]), '5')).toBe(1);
  });

  it('compares amounts beyond 2^53 exactly (no floats)', () => {
    const big = policy(['9007199254740993', 2]);
    expect(requiredConfirmations(big, '9007199254740992')).toBe(1);
    expect(requiredConfirmations(big, '9007199254740993')).toBe(2);
  });

  it('survives JSON: a policy snapshot round-trips unchanged', () => {
    const tiers = policy(['0', 1], ['10000000', 2]);
    expect(JSON.parse(JSON.stringify(tiers))).toEqual(tiers);
  });

  it('names every problem of a malformed policy', () => {
    expect(approvalPolicyProblems(policy(['0', 1], ['10', 2]))).toEqual([]);
    expect(approvalPolicyProblems(policy(['-1', 1]))).toHaveLength(1);
    expect(approvalPolicyProblems(policy(['1.5', 1]))).toHaveLength(1);
    expect(approvalPolicyProblems(policy(['007', 1]))).toHaveLength(1);
    expect(approvalPolicyProblems(policy(['0', 0]))).toHaveLength(1);
    expect(approvalPolicyProblems(policy(['0', 11]))).toHaveLength(1);
    expect(approvalPolicyProblems(policy(['0', 1.5]))).toHaveLength(1);
    expect(approvalPolicyProblems(policy(['10', 1], ['10', 2]))).toEqual(['Two rules start at 10 tiyn.']);
    expect(approvalPolicyProblems(policy(['0', 3], ['10', 2]))).toHaveLength(1);
    expect(approvalPolicyProblems({ rules: [], authorMayConfirm: 'yes' } as never)).toHaveLength(1);
    expect(() => requiredConfirmations(policy(['0', 0]), '1')).toThrow(RangeError);
    expect(() => requiredConfirmations(DEFAULT_APPROVAL_POLICY, '1.00')).toThrow(RangeError);
  });

  it('parses only canonical whole tiyn', () => {
    expect(tiynFromString('0')).toBe(0n);
    expect(tiynFromString('15000000')).toBe(15000000n);
    for (const bad of ['', '01', '-5', '1e3', ' 1', '1.0', 10, null, '1000000000000000000']) {
      expect(tiynFromString(bad)).toBeNull();
    }
  });

  it('a larger amount never needs fewer confirmations under a valid policy (fast-check)', () => {
    const rule = fc.record({ min: fc.bigInt({ min: 0n, max: 10n ** 12n }), n: fc.integer({ min: 1, max: 10 }) });
    const validPolicy = fc.uniqueArray(rule, { selector: (r) => r.min, maxLength: 6 }).map((rules) => {
      const sorted = [...rules].sort((a, b) => (a.min < b.min ? -1 : 1));
      let floor = 1;
      return policy(...sorted.map((r): [string, number] => [String(r.min), (floor = Math.max(floor, r.n))]));
    });
    const amount = fc.bigInt({ min: 1n, max: 10n ** 13n });
    fc.assert(
      fc.property(validPolicy, amount, amount, (p, a, b) => {
        expect(approvalPolicyProblems(p)).toEqual([]);
        const [low, high] = a <= b ? [a, b] : [b, a];
        expect(requiredConfirmations(p, String(high))).toBeGreaterThanOrEqual(requiredConfirmations(p, String(low)));
      }),
    );
  });
});

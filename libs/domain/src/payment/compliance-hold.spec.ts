import { ComplianceRefusalCode, decideComplianceHold, needsComplianceHold, placeComplianceHold } from '.';

const T0 = 1_800_000_000_000;
const DAY = 86_400_000;

describe('compliance hold (§2.4)', () => {
  it('holds only payments strictly above the threshold', () => {
    expect(needsComplianceHold('5000000001', '5000000000')).toBe(true);
    expect(needsComplianceHold('5000000000', '5000000000')).toBe(false);
    expect(needsComplianceHold('1', '5000000000')).toBe(false);
    expect(() => needsComplianceHold('1.5', '5000000000')).toThrow(RangeError);
  });

  it('an operator releases or refuses (with a reason) an open hold, once', () => {
    const hold = placeComplianceHold(T0, 2 * DAY);
    expect(hold).toMatchObject({ status: 'ON_HOLD', deadline: T0 + 2 * DAY });
    const released = decideComplianceHold(hold, { type: 'RELEASE', operatorId: 'op-1', at: T0 + 1 });
    expect(released).toMatchObject({ ok: true, hold: { status: 'RELEASED', decidedBy: 'op-1' } });
    if (!released.ok) throw new Error('unreachable');
    expect(decideComplianceHold(released.hold, { type: 'REFUSE', operatorId: 'op-2', reason: 'x', at: T0 + 2 })).toMatchObject({
      ok: false,
      error: { code: 'PAYMENT.NOT_ON_HOLD', kind: 'CONFLICT', details: { hold: 'RELEASED' } },
    });
    expect(decideComplianceHold(hold, { type: 'REFUSE', operatorId: 'op-1', reason: '  ', at: T0 + 1 })).toMatchObject({
      ok: false,
      error: { code: 'PAYMENT.REASON_REQUIRED' },
    });
    expect(decideComplianceHold(hold, { type: 'REFUSE', operatorId: 'op-1', reason: ' sanctions list ', at: T0 + 1 })).toMatchObject({
      ok: true,
      hold: { status: 'REFUSED', reason: 'sanctions list' },
    });
  });

  it("an operator's refusal reason must be clean text (the same policy as a user's)", () => {
    const hold = placeComplianceHold(T0, DAY);
    for (const reason of ['a\u0000b', 'x\u202Eevil', 'two\nlines']) {
      expect(decideComplianceHold(hold, { type: 'REFUSE', operatorId: 'op-1', reason, at: T0 + 1 })).toMatchObject({
        ok: false,
        error: { code: 'PAYMENT.REASON_INVALID', kind: 'INVALID' },
      });
    }
  });

  it('the deadline refuses the payment, never earlier', () => {
    const hold = placeComplianceHold(T0, DAY);
    expect(decideComplianceHold(hold, { type: 'DEADLINE_PASSED', at: T0 + DAY - 1 }).ok).toBe(false);
    expect(decideComplianceHold(hold, { type: 'DEADLINE_PASSED', at: T0 + DAY })).toMatchObject({ ok: true, hold: { status: 'EXPIRED' } });
    expect(ComplianceRefusalCode.DEADLINE_PASSED).toBe('COMPLIANCE.DEADLINE_PASSED');
  });

  it('no hold placed: nothing to decide', () => {
    expect(decideComplianceHold(null, { type: 'RELEASE', operatorId: 'op', at: T0 })).toMatchObject({
      ok: false,
      error: { code: 'PAYMENT.NOT_ON_HOLD', details: { hold: null } },
    });
  });
});

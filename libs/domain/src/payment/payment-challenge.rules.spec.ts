import { challengeNotFound, codeResendRefusal, wrongCode } from '.';

const T0 = 1_800_000_000_000;

describe('confirmation codes of a document (§1.13)', () => {
  it('a user gets a new code for a document only after the cooldown', () => {
    expect(codeResendRefusal(null, T0, 60_000)).toBeNull();
    expect(codeResendRefusal(T0, T0 + 59_000, 60_000)).toMatchObject({
      code: 'PAYMENT.CODE_RESEND_COOLDOWN',
      kind: 'TOO_MANY',
      details: { retryAfterMs: 1000 },
    });
    expect(codeResendRefusal(T0, T0 + 60_000, 60_000)).toBeNull();
  });

  it('a wrong code is a field error with the attempts left; an unknown challenge is not found', () => {
    expect(wrongCode(2, false)).toMatchObject({ code: 'PAYMENT.WRONG_CODE', kind: 'INVALID', details: { attemptsLeft: 2, field: 'code' } });
    expect(wrongCode(0, true).message).toContain('blocked');
    expect(wrongCode(2, false).fields).toEqual([{ path: 'code', message: 'Wrong code.' }]);
    expect(challengeNotFound()).toMatchObject({ kind: 'NOT_FOUND' });
  });
});

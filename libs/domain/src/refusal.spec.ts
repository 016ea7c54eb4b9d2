import { isFieldRefusal, refused, success, wrongCodeRefusal } from './refusal';

const words = { wrong: 'wrong code', locked: 'wrong code; the registration is now locked', field: 'wrong code' };

describe('wrong-code refusal (§1.11)', () => {
  it('names the flow, the attempts left and the state, and points at the code field', () => {
    const error = wrongCodeRefusal('REGISTRATION', { attemptsLeft: 4, locked: false, state: 'CODE_SENT' }, words);
    expect(error).toEqual({
      code: 'REGISTRATION.WRONG_CODE',
      kind: 'INVALID',
      message: 'wrong code',
      details: { attemptsLeft: 4, state: 'CODE_SENT' },
      fields: [{ path: 'code', message: 'wrong code' }],
    });
    expect(isFieldRefusal(error)).toBe(true);
  });

  it('the last attempt says so; without field wording the field repeats the detail', () => {
    const error = wrongCodeRefusal('PAYMENT', { attemptsLeft: 0, locked: true }, { wrong: 'Wrong code.', locked: 'Blocked.' }, { field: 'code' });
    expect(error).toMatchObject({ message: 'Blocked.', details: { attemptsLeft: 0, field: 'code' }, fields: [{ path: 'code', message: 'Blocked.' }] });
    expect(error.details).not.toHaveProperty('state');
  });

  it('an outcome is a value or a refusal', () => {
    expect(success(1)).toEqual({ ok: true, value: 1 });
    const no = wrongCodeRefusal('RECOVERY', { attemptsLeft: 1, locked: false }, words);
    expect(refused(no)).toEqual({ ok: false, error: no });
    expect(isFieldRefusal({ code: 'X.Y', kind: 'CONFLICT', message: 'no' })).toBe(false);
  });
});

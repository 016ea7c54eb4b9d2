import {
  assessSubUserRequest,
  decideSubUserRequest,
  initialSubUserRequestState,
  isSubUserCheckFailure,
  subUserAdmissionRefusal,
  subUserCheckEvent,
  SUB_USER_CHECK_MESSAGES,
  SUB_USER_CHECKS_REFUSAL,
  subUserRejectionView,
  type SubUserRequestFacts,
} from './';
import { actor } from '../testing/actors';

const clean: SubUserRequestFacts = {
  loginTaken: false,
  phoneValid: true,
  phoneInUse: false,
  partnerStatus: 'ACTIVE',
  partnerUserCount: 2,
};
const policy = { userLimit: 3, operatorReview: false };

describe('§1.8.3 the bank’s automatic checks of a sub-user request', () => {
  it('approves a clean request automatically', () => {
    expect(assessSubUserRequest(clean, policy)).toEqual({ outcome: 'APPROVE' });
  });

  it.each([
    ['the e-mail is already a login (§1.6)', { loginTaken: true }, 'LOGIN_TAKEN'],
    ['the phone is no Kazakhstan mobile (§1.4)', { phoneValid: false }, 'PHONE_INVALID'],
    ['the partner is suspended', { partnerStatus: 'SUSPENDED' }, 'PARTNER_NOT_ACTIVE'],
    ['the partner is at its user limit', { partnerUserCount: 3 }, 'USER_LIMIT_REACHED'],
    ['the partner is over its user limit', { partnerUserCount: 9 }, 'USER_LIMIT_REACHED'],
  ] as const)('rejects when %s', (_what, change, reason) => {
    expect(assessSubUserRequest({ ...clean, ...change }, policy)).toEqual({ outcome: 'REJECT', reason });
  });

  it('a refusal wins over review flags, and the first refusal is named', () => {
    const facts = { ...clean, loginTaken: true, phoneInUse: true, partnerStatus: 'SUSPENDED' } as const;
    expect(assessSubUserRequest(facts, { ...policy, operatorReview: true })).toEqual({
      outcome: 'REJECT',
      reason: 'PARTNER_NOT_ACTIVE',
    });
  });

  it('sends a phone that already receives another user’s codes to an operator', () => {
    expect(assessSubUserRequest({ ...clean, phoneInUse: true }, policy)).toEqual({
      outcome: 'REVIEW',
      flags: ['PHONE_IN_USE'],
    });
  });

  it('sends every request to an operator when the bank says so', () => {
    expect(assessSubUserRequest({ ...clean, phoneInUse: true }, { ...policy, operatorReview: true })).toEqual({
      outcome: 'REVIEW',
      flags: ['PHONE_IN_USE', 'OPERATOR_REVIEW_REQUIRED'],
    });
  });

  it('admission at approval looks at what may have changed, not at the phone', () => {
    expect(subUserAdmissionRefusal({ ...clean, loginTaken: true }, policy)).toBe('LOGIN_TAKEN');
    expect(subUserAdmissionRefusal({ ...clean, partnerUserCount: 3 }, policy)).toBe('USER_LIMIT_REACHED');
    expect(subUserAdmissionRefusal(clean, policy)).toBeNull();
  });

  it('refuses a nonsense limit: configuration is validated, so this is a bug', () => {
    expect(() => assessSubUserRequest(clean, { ...policy, userLimit: 0 })).toThrow(RangeError);
  });

  it('every refusal has a message, and the codes are recognised', () => {
    for (const code of Object.keys(SUB_USER_CHECK_MESSAGES)) expect(isSubUserCheckFailure(code)).toBe(true);
    expect(isSubUserCheckFailure('constructor')).toBe(false);
    expect(isSubUserCheckFailure('duplicate phone')).toBe(false);
  });

  it('the verdict drives the machine: review, approval and refusal', () => {
    const creator = actor('u-director', 'p-1');
    const start = initialSubUserRequestState({ creator, at: 1 });
    const confirmed = decideSubUserRequest(start, { type: 'CREATOR_CONFIRMED', actor: creator, at: 2 });
    if (!confirmed.ok) throw new Error(confirmed.error.code);
    const after = (facts: SubUserRequestFacts) => decideSubUserRequest(confirmed.state, subUserCheckEvent(assessSubUserRequest(facts, policy), 3));
    expect(after(clean)).toMatchObject({ ok: true, state: { value: 'approved' } });
    expect(after({ ...clean, phoneInUse: true })).toMatchObject({ ok: true, state: { value: 'awaitingOperator' } });
    expect(after({ ...clean, loginTaken: true })).toMatchObject({
      ok: true,
      state: { value: 'rejected', context: { rejectReason: 'LOGIN_TAKEN' } },
    });
  });

  it('the creator reads one neutral refusal for every check; the operator reads the true one (issue 12)', () => {
    const creatorViews = Object.keys(SUB_USER_CHECK_MESSAGES).map((code) => subUserRejectionView('CREATOR', code));
    for (const view of creatorViews) expect(view).toEqual({ by: 'BANK_CHECKS', code: 'BANK_CHECKS_FAILED', reason: SUB_USER_CHECKS_REFUSAL.reason });
    expect(JSON.stringify(creatorViews)).not.toMatch(/login|LOGIN_TAKEN/i);
    expect(subUserRejectionView('OPERATOR', 'LOGIN_TAKEN')).toEqual({ by: 'BANK_CHECKS', code: 'LOGIN_TAKEN', reason: SUB_USER_CHECK_MESSAGES.LOGIN_TAKEN });
    expect(subUserRejectionView('CREATOR', 'Not authorised by the director')).toEqual({ by: 'OPERATOR', code: null, reason: 'Not authorised by the director' });
    expect(subUserRejectionView('CREATOR', null)).toBeNull();
  });
});

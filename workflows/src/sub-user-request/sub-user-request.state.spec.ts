import { ApplicationFailure } from '@temporalio/common';
import type { Actor } from '../../../libs/domain/src/access-level';
import type { SubUserRequestInput } from './sub-user-request.messages';
import { SubUserRequestState } from './sub-user-request.state';

const T0 = 1_700_000_000_000;
const creator: Actor = { userId: 'u-director', partnerId: 'p-1', accessLevel: 'FULL_ACCESS', status: 'ACTIVE' };
const input: SubUserRequestInput = {
  requestId: 'r-1',
  partnerId: 'p-1',
  partnerBin: '123456789012',
  creator,
  code: { ttlMs: 60_000, maxAttempts: 3 },
  operatorTtlMs: 3_600_000,
  policy: { userLimit: 10, operatorReview: false },
  registration: { linkTtlMs: 1, codeTtlMs: 1, resendCooldownMs: 1, maxAttempts: 1 },
};

const issued = () => {
  const s = new SubUserRequestState(input, T0);
  s.issueCode(T0);
  return s;
};
const check = (correct: boolean, actor: Actor = creator) => ({ codeNo: 1, correct, actor });
/** The domain code an Update validator would hand the REST caller. */
const refusedWith = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    if (error instanceof ApplicationFailure) return error.type!;
    throw error;
  }
  throw new Error('not refused');
};

describe('sub-user request state in the workflow (§1.8.2)', () => {
  it('a correct code from the creator confirms the request', () => {
    const s = issued();
    expect(s.confirm(check(true), T0 + 1)).toEqual({ status: 'BANK_PROCESSING', attemptsLeft: 3 });
    expect(s.view().machine.challenge?.value).toBe('verified');
  });

  it('who presents the code is judged before the code, so a stranger spends no attempt', () => {
    const s = issued();
    expect(refusedWith(() => s.validateConfirm(check(false, { ...creator, userId: 'u-other' }), T0 + 1))).toBe('SUB_USER_REQUEST.NOT_CREATOR');
    expect(refusedWith(() => s.validateConfirm(check(true, { ...creator, partnerId: 'p-2' }), T0 + 1))).toBe('SUB_USER_REQUEST.NOT_FOUND');
    expect(refusedWith(() => s.validateConfirm(check(true, { ...creator, status: 'BLOCKED' }), T0 + 1))).toBe('ACCESS.USER_NOT_ACTIVE');
    expect(s.view().attemptsLeft).toBe(3);
  });

  it('wrong codes spend attempts; the last one cancels the request', () => {
    const s = issued();
    expect(s.confirm(check(false), T0 + 1)).toEqual({ status: 'AWAITING_CONFIRMATION', attemptsLeft: 2 });
    s.confirm(check(false), T0 + 2);
    expect(s.confirm(check(false), T0 + 3)).toEqual({ status: 'CANCELLED', attemptsLeft: 0 });
    expect(s.view().cancelReason).toBe('CODE_LOCKED');
  });

  it('a code presented after its lifetime is gone (410), and the timer expires both machines', () => {
    const s = issued();
    expect(refusedWith(() => s.validateConfirm(check(true), T0 + 60_001))).toBe('CHALLENGE.EXPIRED');
    s.expireCode(T0 + 60_000);
    expect(s.view()).toMatchObject({ status: 'EXPIRED', machine: { challenge: { value: 'expired' } } });
  });

  it('a request that ends otherwise cancels its open challenge', () => {
    const s = issued();
    s.apply({ type: 'CANCEL', reason: 'CREATOR_BLOCKED' });
    expect(s.view()).toMatchObject({ status: 'CANCELLED', machine: { challenge: { value: 'cancelled' } } });
  });

  it('the operator’s deadline starts when the request starts to wait', () => {
    const s = issued();
    s.confirm(check(true), T0 + 1);
    s.apply({ type: 'CHECKS_PASSED', operatorReview: true, at: T0 + 5 });
    expect(s.view()).toMatchObject({ status: 'AWAITING_OPERATOR', operatorDeadline: new Date(T0 + 5 + 3_600_000).toISOString() });
  });

  it('refuses to start for a creator without full access', () => {
    expect(() => new SubUserRequestState({ ...input, creator: { ...creator, accessLevel: 'CREATE_AND_VIEW' } }, T0)).toThrow(ApplicationFailure);
  });
});

import { ApplicationFailure } from '@temporalio/common';
import type { Actor } from '@domain/access-level';
import type { SubUserRequestInput } from './sub-user-request.messages';
import { checkCode, SubUserRequestHolder } from './sub-user-request-state';

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
const check = (correct: boolean, actor: Actor = creator) => checkCode({ codeNo: 1, correct, actor }, T0 + 1);
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

/** The workflow's keeping of the aggregate; the rules themselves: libs/domain/src/sub-user-request/*.aggregate.spec.ts. */
describe('sub-user request holder in the workflow', () => {
  it('starts with the code issued and the effects that send it; the query shows both machines', () => {
    const s = new SubUserRequestHolder(input, T0);
    expect(s.startEffects.map((e) => e.type)).toEqual(['LIST_USERS', 'SEND_CODE', 'RECORD']);
    expect(s.view()).toMatchObject({
      requestId: 'r-1',
      status: 'AWAITING_CONFIRMATION',
      codeExpiresAt: new Date(T0 + 60_000).toISOString(),
      attemptsLeft: 3,
      registrationStatus: null,
      machine: { request: { value: 'awaitingConfirmation' }, challenge: { value: 'issued' } },
    });
  });

  it('a refusal is thrown as an ApplicationFailure typed with the domain code, and changes nothing', () => {
    const s = new SubUserRequestHolder(input, T0);
    expect(refusedWith(() => s.check(check(false, { ...creator, userId: 'u-other' })))).toBe('SUB_USER_REQUEST.NOT_CREATOR');
    expect(refusedWith(() => s.take(check(true, { ...creator, partnerId: 'p-2' })))).toBe('SUB_USER_REQUEST.NOT_FOUND');
    expect([s.changes, s.view().attemptsLeft]).toEqual([0, 3]);
  });

  it('counts changes so the main loop wakes: a wrong code is one, a step that changes nothing is none', () => {
    const s = new SubUserRequestHolder(input, T0);
    expect(s.take(check(false))).toEqual([]);
    expect(s.changes).toBe(1);
    expect(s.take({ type: 'USER_BLOCKED', userId: 'u-someone', at: T0 + 2 })).toEqual([]);
    expect(s.changes).toBe(1);
    expect(s.take(check(true))).toEqual([{ type: 'RECORD' }]);
    expect([s.changes, s.view().status]).toEqual([2, 'BANK_PROCESSING']);
  });

  it('refuses to start for a creator without full access', () => {
    expect(() => new SubUserRequestHolder({ ...input, creator: { ...creator, accessLevel: 'CREATE_AND_VIEW' } }, T0)).toThrow(ApplicationFailure);
  });
});

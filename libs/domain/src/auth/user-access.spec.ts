import { USER_STATUSES } from '../access-level';
import { NO_LOGIN_LOCK } from './login-lock';
import { recoveryStatus, mayRecoverPassword } from './recovery';
import { blockUser, countsLoginFailures, loginRefusal, statusWhenLocked, statusWhenUnlocked, unblockUser } from './user-access';
import { initialRegistrationState, decideRegistration } from '../registration';

const T0 = 1_700_000_000_000;
const locked = { ...NO_LOGIN_LOCK, lockCount: 1, lockedUntil: T0 + 1000 };

describe('user access: login, lock, block (§1.14, §1.16)', () => {
  it('only a registered, unblocked, unlocked user may sign in', () => {
    expect(loginRefusal('ACTIVE', NO_LOGIN_LOCK, T0)).toBeNull();
    expect(loginRefusal('ACTIVE', locked, T0)).toBe('LOCKED');
    expect(loginRefusal('LOCKED', locked, T0 + 1000)).toBeNull();
    expect(loginRefusal('BLOCKED', NO_LOGIN_LOCK, T0)).toBe('BLOCKED');
    expect(loginRefusal('INVITED', NO_LOGIN_LOCK, T0)).toBe('NOT_REGISTERED');
    expect(USER_STATUSES.filter(countsLoginFailures)).toEqual(['ACTIVE', 'LOCKED']);
  });

  it('locking and unlocking touch only ACTIVE and LOCKED', () => {
    expect(USER_STATUSES.map(statusWhenLocked)).toEqual(['INVITED', 'LOCKED', 'LOCKED', 'BLOCKED']);
    expect(USER_STATUSES.map(statusWhenUnlocked)).toEqual(['INVITED', 'ACTIVE', 'ACTIVE', 'BLOCKED']);
  });

  it('§1.14 blocks any status once; unblocking restores INVITED, ACTIVE or a running lock', () => {
    for (const status of ['INVITED', 'ACTIVE', 'LOCKED'] as const) expect(blockUser(status)).toEqual({ ok: true, status: 'BLOCKED' });
    expect(blockUser('BLOCKED')).toMatchObject({ ok: false, error: { code: 'USER.ALREADY_BLOCKED', kind: 'CONFLICT' } });
    const facts = { registered: true, lock: NO_LOGIN_LOCK, now: T0 };
    expect(unblockUser('BLOCKED', facts)).toEqual({ ok: true, status: 'ACTIVE' });
    expect(unblockUser('BLOCKED', { ...facts, lock: locked })).toEqual({ ok: true, status: 'LOCKED' });
    expect(unblockUser('BLOCKED', { ...facts, registered: false })).toEqual({ ok: true, status: 'INVITED' });
    expect(unblockUser('ACTIVE', facts)).toMatchObject({ ok: false, error: { code: 'USER.NOT_BLOCKED', details: { state: 'ACTIVE' } } });
  });

  it('§1.12 recovery runs on the registration machine and names its states for clients', () => {
    const start = initialRegistrationState({ maxAttempts: 5, codeTtlMs: 60_000, resendCooldownMs: 0 });
    expect(recoveryStatus(start)).toBe('LINK_SENT');
    const sent = decideRegistration(start, { type: 'CODE_REQUESTED', at: T0 });
    if (!sent.ok) throw new Error('refused');
    const verified = decideRegistration(sent.state, { type: 'CODE_CHECKED', correct: true, codeNo: 1, at: T0 });
    if (!verified.ok) throw new Error('refused');
    const done = decideRegistration(verified.state, { type: 'PASSWORD_SET' });
    if (!done.ok) throw new Error('refused');
    expect([sent, verified, done].map((d) => recoveryStatus(d.state))).toEqual(['CODE_SENT', 'CODE_VERIFIED', 'COMPLETED']);
    expect(USER_STATUSES.filter(mayRecoverPassword)).toEqual(['ACTIVE', 'LOCKED']);
  });
});

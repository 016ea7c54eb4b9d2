import type { Actor } from '../access-level';
import { actor } from '../testing/actors';
import {
  codeCheckResult,
  decideSubUserRequestCommand,
  isSubUserRequestStatusFinal,
  startSubUserRequestAggregate,
  subUserRequestAgenda,
  subUserRequestProjection,
  type SubUserRequest,
  type SubUserRequestCommand,
  type SubUserRequestEffect,
  type SubUserRequestFacts,
  type SubUserRequestTerms,
} from '.';

const T0 = 1_700_000_000_000;
const CODE_TTL = 60_000;
const OPERATOR_TTL = 3_600_000;
const creator = actor('u-director', 'p-1');
const TERMS: SubUserRequestTerms = { codeTtlMs: CODE_TTL, codeMaxAttempts: 3, operatorTtlMs: OPERATOR_TTL, policy: { userLimit: 10, operatorReview: false } };
const clean: SubUserRequestFacts = { loginTaken: false, phoneValid: true, phoneInUse: false, partnerStatus: 'ACTIVE', partnerUserCount: 2 };
const iso = (ms: number) => new Date(ms).toISOString();

const start = (who: Actor = creator) => startSubUserRequestAggregate({ requestId: 'r-1', creator: who, terms: TERMS, at: T0 });
const accept = (s: SubUserRequest, command: SubUserRequestCommand) => {
  const d = decideSubUserRequestCommand(s, command);
  if (!d.ok) throw new Error(`${command.type} refused: ${d.error.code}`);
  return d;
};
const errorOf = (s: SubUserRequest, command: SubUserRequestCommand) => {
  const d = decideSubUserRequestCommand(s, command);
  if (d.ok) throw new Error(`${command.type} unexpectedly accepted`);
  return d.error.code;
};
const walk = (...commands: SubUserRequestCommand[]): SubUserRequest => {
  const started = start();
  if (!started.ok) throw new Error(started.error.code);
  return commands.reduce((s, c) => accept(s, c).state, started.state);
};

const code = (correct: boolean, at = T0 + 1, who: Actor = creator, codeNo = 1): SubUserRequestCommand => ({ type: 'CHECK_CODE', actor: who, codeNo, correct, at });
const checks = (facts: Partial<SubUserRequestFacts> = {}, at = T0 + 2): SubUserRequestCommand => ({ type: 'CHECKS_DONE', facts: { ...clean, ...facts }, at });
const approve: SubUserRequestCommand = { type: 'APPROVE', operatorId: 'op-1', at: T0 + 3 };
const invite: SubUserRequestCommand = { type: 'INVITE', userId: 'u-new', at: T0 + 4 };
const created: SubUserRequestCommand = { type: 'USER_CREATION_ANSWERED', creation: { created: true }, at: T0 + 4 };
const registrationStarted: SubUserRequestCommand = { type: 'REGISTRATION_STARTED', at: T0 + 5 };
const blocked = (userId: string): SubUserRequestCommand => ({ type: 'USER_BLOCKED', userId, at: T0 + 6 });

const confirmed = () => walk(code(true));
const reviewing = () => walk(code(true), checks({ phoneInUse: true }));
const approved = () => walk(code(true), checks());
const creating = () => walk(code(true), checks(), invite);
const starting = () => walk(code(true), checks(), invite, created);
const invited = () => walk(code(true), checks(), invite, created, registrationStarted);

const RECORD: SubUserRequestEffect = { type: 'RECORD' };
const status = (s: SubUserRequest) => subUserRequestProjection(s).status;

describe('sub-user request aggregate: the creator’s code (§1.8.2, §1.11)', () => {
  it('starts by sending the creator a code bound to the request, then writing the row', () => {
    const d = start();
    if (!d.ok) throw new Error(d.error.code);
    expect(d.effects).toEqual([
      { type: 'LIST_USERS', userIds: ['u-director'] },
      { type: 'SEND_CODE', creatorId: 'u-director', codeNo: 1, expiresAt: iso(T0 + CODE_TTL) },
      RECORD,
    ]);
    expect(d.state.code.state.context.binding).toEqual({ requestId: 'r-1', userId: 'u-director' });
    expect(subUserRequestProjection(d.state)).toMatchObject({ status: 'AWAITING_CONFIRMATION', state: 'awaitingConfirmation', codeExpiresAt: iso(T0 + CODE_TTL) });
    expect(subUserRequestAgenda(d.state)).toEqual({ type: 'AWAIT_CODE', until: T0 + CODE_TTL });
  });

  it.each([
    ['blocked', { status: 'BLOCKED' as const }, 'ACCESS.USER_NOT_ACTIVE'],
    ['without full access', { accessLevel: 'CREATE_AND_VIEW' as const }, 'ACCESS.FORBIDDEN'],
  ])('refuses to start for a creator %s (§1.8 interpretation)', (_what, change, error) => {
    expect(start({ ...creator, ...change })).toMatchObject({ ok: false, error: { code: error } });
  });

  it.each([
    ['a right code confirms: the bank checks next', [code(true)], 'BANK_PROCESSING', 'verified', 3, [RECORD]],
    ['a wrong code spends an attempt, unrecorded (the API audits it)', [code(false)], 'AWAITING_CONFIRMATION', 'issued', 2, []],
    ['the last wrong code locks the code and cancels the request', [code(false), code(false), code(false)], 'CANCELLED', 'locked', 0, [RECORD]],
  ] as const)('%s', (_what, commands, expected, challenge, attemptsLeft, effects) => {
    const before = walk(...commands.slice(0, -1));
    const d = accept(before, commands.at(-1)!);
    expect(codeCheckResult(d.state)).toEqual({ status: expected, attemptsLeft });
    expect(d.state.code.state.value).toBe(challenge);
    expect(d.effects).toEqual(effects);
  });

  it('the lock names its reason', () => {
    expect(walk(code(false), code(false), code(false)).request.context.cancelReason).toBe('CODE_LOCKED');
  });

  it.each([
    ['another partner’s user hears NOT_FOUND', code(true, T0 + 1, actor('u-director', 'p-2')), 'SUB_USER_REQUEST.NOT_FOUND'],
    ['another user of the partner is not the creator', code(false, T0 + 1, actor('u-other', 'p-1')), 'SUB_USER_REQUEST.NOT_CREATOR'],
    ['a creator blocked meanwhile (§1.14)', code(true, T0 + 1, { ...creator, status: 'BLOCKED' }), 'ACCESS.USER_NOT_ACTIVE'],
    ['a creator who lost full access', code(true, T0 + 1, { ...creator, accessLevel: 'CREATE_AND_VIEW' }), 'ACCESS.FORBIDDEN'],
    ['a code number never sent', code(true, T0 + 1, creator, 2), 'SUB_USER_REQUEST.NO_CODE'],
    ['a code after its lifetime', code(true, T0 + CODE_TTL + 1), 'CHALLENGE.EXPIRED'],
  ])('refused before the code is weighed, no attempt spent: %s', (_what, command, error) => {
    const s = walk();
    expect(errorOf(s, command)).toBe(error);
    expect(s.code.state.context.attemptsLeft).toBe(3);
  });

  it('a code presented once the request moved on is refused in the API’s words', () => {
    expect(errorOf(confirmed(), code(true, T0 + 2))).toBe('SUB_USER_REQUEST.TRANSITION_NOT_ALLOWED');
  });

  it('a code that could not be sent cancels the request and its code', () => {
    const d = accept(walk(), { type: 'CODE_NOT_SENT', at: T0 });
    expect(d.effects).toEqual([RECORD]);
    expect(d.state.request.context.cancelReason).toBe('CODE_NOT_SENT');
    expect(d.state.code.state).toMatchObject({ value: 'cancelled', context: { cancelReason: 'REQUEST_ENDED' } });
  });
});

describe('sub-user request aggregate: deadlines (§1.11, §1.8.3)', () => {
  it.each([
    ['the code’s lifetime, with the code', walk, T0 + CODE_TTL, 'expired'],
    ['the operator’s time to decide', reviewing, T0 + 2 + OPERATOR_TTL, 'verified'],
  ])('%s: the request expires once it is due', (_what, at, due, challenge) => {
    const s = at();
    expect(errorOf(s, { type: 'EXPIRE', at: due - 1 })).toBe('SUB_USER_REQUEST.NOT_DUE');
    const d = accept(s, { type: 'EXPIRE', at: due });
    expect(d.effects).toEqual([RECORD]);
    expect(status(d.state)).toBe('EXPIRED');
    expect(d.state.code.state.value).toBe(challenge);
  });

  it.each([
    ['while the bank checks', confirmed],
    ['once invited: the registration’s link expiry decides (§1.8.4)', invited],
  ])('nothing of the request’s own is due %s', (_what, at) => {
    expect(errorOf(at(), { type: 'EXPIRE', at: T0 + 10 * OPERATOR_TTL })).toBe('SUB_USER_REQUEST.TRANSITION_NOT_ALLOWED');
  });
});

describe('sub-user request aggregate: the bank’s checks and the operator (§1.8.3)', () => {
  it.each([
    ['a clean request is approved: the user is created next', {}, 'BANK_PROCESSING', { type: 'INVITE', userId: null }],
    [
      'a phone in use waits for an operator, until the deadline',
      { phoneInUse: true },
      'AWAITING_OPERATOR',
      { type: 'AWAIT_OPERATOR', until: T0 + 2 + OPERATOR_TTL, flags: ['PHONE_IN_USE'] },
    ],
    ['a login taken is rejected', { loginTaken: true }, 'REJECTED', { type: 'DONE' }],
  ] as const)('%s', (_what, facts, expected, agenda) => {
    const d = accept(confirmed(), checks(facts));
    expect(d.effects).toEqual([RECORD]);
    expect(status(d.state)).toBe(expected);
    expect(subUserRequestAgenda(d.state)).toEqual(agenda);
  });

  it('the operator’s deadline and the flags are mirrored', () => {
    expect(subUserRequestProjection(reviewing())).toMatchObject({ reviewFlags: ['PHONE_IN_USE'], operatorDeadline: iso(T0 + 2 + OPERATOR_TTL) });
  });

  it('facts that arrive after the request was cancelled change nothing', () => {
    const cancelled = walk(code(true), blocked('u-director'));
    const d = accept(cancelled, checks({ loginTaken: true }));
    expect(d).toEqual({ ok: true, state: cancelled, effects: [] });
  });

  it.each([
    ['approves', approve, 'BANK_PROCESSING', { operatorId: 'op-1', rejectReason: null }],
    [
      'rejects with a reason',
      { type: 'REJECT', operatorId: 'op-1', reason: 'Not authorised', at: T0 + 3 },
      'REJECTED',
      { operatorId: 'op-1', rejectReason: 'Not authorised' },
    ],
  ] as const)('an operator %s', (_what, command, expected, context) => {
    const d = accept(reviewing(), command);
    expect(d.effects).toEqual([RECORD]);
    expect(status(d.state)).toBe(expected);
    expect(d.state.request.context).toMatchObject(context);
  });

  it.each([
    ['a blank reason', reviewing, { type: 'REJECT', operatorId: 'op-1', reason: '  ', at: T0 + 3 }, 'SUB_USER_REQUEST.REASON_REQUIRED'],
    ['a second decision', () => accept(reviewing(), approve).state, approve, 'SUB_USER_REQUEST.TRANSITION_NOT_ALLOWED'],
    ['a decision nobody asked for', approved, approve, 'SUB_USER_REQUEST.TRANSITION_NOT_ALLOWED'],
  ] as const)('refuses %s', (_what, at, command, error) => {
    expect(errorOf(at(), command as SubUserRequestCommand)).toBe(error);
  });
});

describe('sub-user request aggregate: the new user (§1.8.3–§1.8.4)', () => {
  it.each([
    ['approved: create the user under the flow’s id', approved, invite, [{ type: 'CREATE_USER', userId: 'u-new', policy: TERMS.policy }]],
    [
      'created: list them and start their registration',
      creating,
      created,
      [
        { type: 'LIST_USERS', userIds: ['u-director', 'u-new'] },
        { type: 'START_REGISTRATION', userId: 'u-new' },
      ],
    ],
    ['the link went out: invited', starting, registrationStarted, [RECORD]],
    [
      'admission failed at creation: rejected',
      creating,
      { type: 'USER_CREATION_ANSWERED', creation: { created: false, reason: 'LOGIN_TAKEN' }, at: T0 + 4 },
      [RECORD],
    ],
  ] as const)('%s', (_what, at, command, effects) => {
    expect(accept(at(), command as SubUserRequestCommand).effects).toEqual(effects);
  });

  it('invited: the row names the new user, the flow waits for the registration', () => {
    const s = invited();
    expect(subUserRequestProjection(s)).toMatchObject({ status: 'INVITED', newUserId: 'u-new' });
    expect(s.newUser).toEqual({ userId: 'u-new', stage: 'REGISTERING', registrationStatus: 'INVITED' });
    expect(subUserRequestAgenda(s)).toEqual({ type: 'AWAIT_REGISTRATION', userId: 'u-new' });
  });

  it.each([
    ['ACTIVE', 'COMPLETED', null, 'ACTIVE'],
    ['EXPIRED', 'EXPIRED', null, 'EXPIRED'],
    ['LOCKED', 'CANCELLED', 'REGISTRATION_LOCKED', 'LOCKED'],
    ['FAILED', 'CANCELLED', 'REGISTRATION_FAILED', null],
  ] as const)('the registration ends %s: the request is %s', (ended, expected, cancelReason, registrationStatus) => {
    const d = accept(invited(), { type: 'REGISTRATION_ENDED', status: ended, at: T0 + 7 });
    expect(d.effects).toEqual([RECORD]);
    expect(status(d.state)).toBe(expected);
    expect(d.state.request.context.cancelReason).toBe(cancelReason);
    expect(d.state.newUser?.registrationStatus).toBe(registrationStatus);
  });

  it.each([
    ['while the user is created: a created user is withdrawn', creating, created, [{ type: 'WITHDRAW_USER', userId: 'u-new' }]],
    [
      'while the user is created: a refused creation leaves nothing',
      creating,
      { type: 'USER_CREATION_ANSWERED', creation: { created: false, reason: 'LOGIN_TAKEN' }, at: T0 + 7 },
      [],
    ],
    ['while the registration starts: it is cancelled once started', starting, registrationStarted, [{ type: 'CANCEL_REGISTRATION', userId: 'u-new' }]],
  ] as const)('the creator blocked %s', (_what, at, command, effects) => {
    const cancelled = accept(at(), blocked('u-director'));
    expect(cancelled.effects).toEqual([RECORD]);
    expect(accept(cancelled.state, command as SubUserRequestCommand).effects).toEqual(effects);
  });

  it.each([
    ['the flow invites before approval', confirmed, invite],
    ['the flow invites another id than it chose', creating, { ...invite, userId: 'u-else' }],
    ['a registration starts before the user exists', creating, registrationStarted],
    ['a registration ends that never started', approved, { type: 'REGISTRATION_ENDED', status: 'ACTIVE', at: T0 + 7 }],
  ] as const)('refuses steps out of turn: %s', (_what, at, command) => {
    expect(errorOf(at(), command as SubUserRequestCommand)).toBe('SUB_USER_REQUEST.TRANSITION_NOT_ALLOWED');
  });
});

describe('sub-user request aggregate: a blocked user (§1.14)', () => {
  it.each([
    ['the creator, before confirming: the open code dies too', walk, 'u-director', 'CREATOR_BLOCKED', [RECORD]],
    ['the creator, while the new user registers', invited, 'u-director', 'CREATOR_BLOCKED', [{ type: 'CANCEL_REGISTRATION', userId: 'u-new' }, RECORD]],
    ['the new user, while registering', invited, 'u-new', 'USER_BLOCKED', [{ type: 'CANCEL_REGISTRATION', userId: 'u-new' }, RECORD]],
    ['the new user, while being created', creating, 'u-new', 'USER_BLOCKED', [RECORD]],
  ] as const)('%s cancels the request', (_what, at, userId, reason, effects) => {
    const d = accept(at(), blocked(userId));
    expect(d.effects).toEqual(effects);
    expect(d.state.request.context.cancelReason).toBe(reason);
    expect(d.state.code.state.value).not.toBe('issued');
  });

  it.each([
    ['someone else', walk, 'u-other'],
    ['anyone, once the request is over', () => walk(code(false), code(false), code(false)), 'u-director'],
  ])('%s changes nothing', (_what, at, userId) => {
    const s = at();
    expect(accept(s, blocked(userId))).toEqual({ ok: true, state: s, effects: [] });
  });
});

describe('sub-user request aggregate: the row is written exactly when it changes', () => {
  const paths: Array<[string, SubUserRequestCommand[]]> = [
    ['happy path', [code(false), code(true), checks(), invite, created, registrationStarted, { type: 'REGISTRATION_ENDED', status: 'ACTIVE', at: T0 + 7 }]],
    ['operator path', [code(true), checks({ phoneInUse: true }), approve, invite, created, registrationStarted, blocked('u-new')]],
    ['expiry', [code(false), code(false), { type: 'EXPIRE', at: T0 + CODE_TTL }]],
    ['blocked while created', [code(true), checks(), invite, blocked('u-director'), created]],
  ];
  it.each(paths)('%s: RECORD iff the mirrored row differs', (_what, commands) => {
    let s = walk();
    for (const command of commands) {
      const d = accept(s, command);
      const changed = JSON.stringify(subUserRequestProjection(d.state)) !== JSON.stringify(subUserRequestProjection(s));
      expect([command.type, d.effects.some((e) => e.type === 'RECORD')]).toEqual([command.type, changed]);
      s = d.state;
    }
  });
});

describe('sub-user request statuses', () => {
  it.each([
    ['AWAITING_CONFIRMATION', false],
    ['BANK_PROCESSING', false],
    ['AWAITING_OPERATOR', false],
    ['INVITED', false],
    ['COMPLETED', true],
    ['REJECTED', true],
    ['EXPIRED', true],
    ['CANCELLED', true],
  ] as const)('%s is final: %s (the row’s finishedAt follows it)', (value, final) => {
    expect(isSubUserRequestStatusFinal(value)).toBe(final);
  });
});

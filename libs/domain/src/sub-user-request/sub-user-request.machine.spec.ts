import type { MachineState } from '../machine-state';
import { actor, describeActor, everyActor } from '../testing/actors';
import { go, modelSuite, no, type Expected } from '../testing/model-suite';
import {
  decideSubUserRequest,
  initialSubUserRequestState,
  isSubUserRequestFinal,
  startSubUserRequest,
  subUserRequestMachine,
  subUserRequestStatus,
  SubUserRequestErrorCode as Code,
  type SubUserRequestContext,
  type SubUserRequestEvent,
} from '.';

type State = MachineState<SubUserRequestContext>;
const T0 = 1_700_000_000_000;
const PARTNER = 'partner-1';
const creator = actor('u-director', PARTNER);
const start = initialSubUserRequestState({ creator, at: T0 });

const step = (state: State, event: SubUserRequestEvent): State => {
  const decision = decideSubUserRequest(state, event);
  if (!decision.ok) throw new Error(`${event.type} refused: ${decision.error.code}`);
  return decision.state;
};
const run = (...events: SubUserRequestEvent[]) => events.reduce(step, start);
const refusal = (state: State, event: SubUserRequestEvent) => {
  const decision = decideSubUserRequest(state, event);
  if (decision.ok) throw new Error(`${event.type} unexpectedly accepted in ${state.value}`);
  return decision.error;
};

const confirmed = { type: 'CREATOR_CONFIRMED', actor: creator, at: T0 + 1 } as const;
const passed = (operatorReview: boolean) => ({ type: 'CHECKS_PASSED', operatorReview, at: T0 + 2 }) as const;
const invitation = { type: 'INVITATION_SENT', userId: 'u-new', at: T0 + 4 } as const;

describe('sub-user request (§1.8)', () => {
  it('§1.8.1–§1.8.4 confirmed, processed, invited, registered', () => {
    const states = [start, run(confirmed), run(confirmed, passed(false)), run(confirmed, passed(false), invitation)];
    const statuses = states.map(subUserRequestStatus);
    expect(statuses).toEqual(['AWAITING_CONFIRMATION', 'BANK_PROCESSING', 'BANK_PROCESSING', 'INVITED']);
    const done = run(confirmed, passed(false), invitation, { type: 'REGISTRATION_COMPLETED', at: T0 + 5 });
    expect(done).toEqual({
      value: 'completed',
      context: { ...start.context, confirmedAt: T0 + 1, newUserId: 'u-new' },
    });
    expect(isSubUserRequestFinal(done)).toBe(true);
  });

  it('§1.8.3 an operator decides when the checks ask for one', () => {
    const waiting = run(confirmed, passed(true));
    expect(subUserRequestStatus(waiting)).toBe('AWAITING_OPERATOR');
    const approved = step(waiting, { type: 'OPERATOR_APPROVED', operatorId: 'op-1', at: T0 + 3 });
    expect(approved).toMatchObject({ value: 'approved', context: { operatorId: 'op-1' } });
    // A second decision is refused in the API's words: public status and action, not `OPERATOR_APPROVED` or `approved`.
    expect(refusal(approved, { type: 'OPERATOR_APPROVED', operatorId: 'op-2', at: T0 + 4 })).toEqual({
      code: Code.TRANSITION_NOT_ALLOWED,
      kind: 'CONFLICT',
      message: 'Cannot approve the request in status BANK_PROCESSING.',
      details: { status: 'BANK_PROCESSING', action: 'approve the request' },
    });
    const reject = (reason: string) => ({ type: 'OPERATOR_REJECTED', operatorId: 'op-1', reason, at: T0 + 3 }) as const;
    expect(step(waiting, reject('duplicate phone'))).toMatchObject({
      value: 'rejected',
      context: { operatorId: 'op-1', rejectReason: 'duplicate phone' },
    });
    expect(refusal(waiting, reject('  '))).toMatchObject({ code: Code.REASON_REQUIRED, kind: 'INVALID' });
    // Not clean text (values/text): refused before the workflow takes the step, so no write can choke on it.
    for (const reason of ['a\u0000b', 'x\u202Eevil', 'two\nlines']) {
      expect(refusal(waiting, reject(reason))).toMatchObject({ code: 'SUB_USER_REQUEST.REASON_INVALID', kind: 'INVALID' });
    }
  });

  describe.each(everyActor(['u-director'], [PARTNER]).map((a) => [describeActor(a), a] as const))('§1.8 interpretation: creator %s', (_name, who) => {
    const allowed = who.accessLevel === 'FULL_ACCESS' && who.status === 'ACTIVE';
    it(allowed ? 'may create a request' : 'may not create a request', () => {
      const started = startSubUserRequest({ creator: who, at: T0 });
      if (allowed) {
        expect(started).toEqual({ ok: true, state: { value: 'awaitingConfirmation', context: expect.any(Object) } });
      } else {
        expect(started).toMatchObject({
          ok: false,
          error: { kind: 'FORBIDDEN', code: expect.stringMatching(/^ACCESS\./) },
        });
        expect(() => initialSubUserRequestState({ creator: who, at: T0 })).toThrow(/ACCESS\./);
      }
    });
    it(allowed ? 'may confirm it (§1.8.2)' : 'may no longer confirm it once changed (§1.14)', () => {
      const decision = decideSubUserRequest(start, { type: 'CREATOR_CONFIRMED', actor: who, at: T0 + 1 });
      expect(decision.ok).toBe(allowed);
    });
  });

  it('§1.8.2 only the creator confirms: the code went to their phone', () => {
    expect(refusal(start, { ...confirmed, actor: actor('u-other-director', PARTNER) })).toMatchObject({
      code: Code.NOT_CREATOR,
      kind: 'FORBIDDEN',
    });
  });

  it("another partner's user hears NOT_FOUND in every state, never the state", () => {
    const stranger = actor('u-director', 'partner-2');
    for (const state of [start, run(confirmed), run({ type: 'CANCEL', reason: 'x' })]) {
      expect(refusal(state, { ...confirmed, actor: stranger })).toEqual({
        code: Code.NOT_FOUND,
        kind: 'NOT_FOUND',
        message: expect.any(String),
      });
    }
  });
});

const FINAL = new Set(['completed', 'rejected', 'expired', 'cancelled']);
const EXPIRABLE = new Set(['awaitingConfirmation', 'awaitingOperator', 'invited']);
const blank = (reason: string) => reason.trim() === '';

/** §1.8 restated without the machine. */
const oracle = ({ value, context: c }: State, e: SubUserRequestEvent): Expected<SubUserRequestContext> => {
  if ('actor' in e && e.actor.partnerId !== c.partnerId) return no(Code.NOT_FOUND);
  const notHere = no<SubUserRequestContext>(Code.TRANSITION_NOT_ALLOWED);
  if (FINAL.has(value)) return notHere;
  switch (e.type) {
    case 'CANCEL':
      return go('cancelled', { ...c, cancelReason: e.reason });
    case 'EXPIRED':
      return EXPIRABLE.has(value) ? go('expired', c) : notHere;
    case 'CREATOR_CONFIRMED':
      if (value !== 'awaitingConfirmation') return notHere;
      if (e.actor.userId !== c.creatorId) return no(Code.NOT_CREATOR);
      if (e.actor.status !== 'ACTIVE') return no('ACCESS.USER_NOT_ACTIVE');
      if (e.actor.accessLevel !== 'FULL_ACCESS') return no('ACCESS.FORBIDDEN');
      return go('bankProcessing', { ...c, confirmedAt: e.at });
    case 'CHECKS_PASSED':
      return value === 'bankProcessing' ? go(e.operatorReview ? 'awaitingOperator' : 'approved', c) : notHere;
    case 'CHECKS_FAILED':
      if (value !== 'bankProcessing' && value !== 'approved') return notHere;
      return blank(e.reason) ? no(Code.REASON_REQUIRED) : go('rejected', { ...c, rejectReason: e.reason });
    case 'OPERATOR_APPROVED':
      return value === 'awaitingOperator' ? go('approved', { ...c, operatorId: e.operatorId }) : notHere;
    case 'OPERATOR_REJECTED':
      if (value !== 'awaitingOperator') return notHere;
      if (blank(e.reason)) return no(Code.REASON_REQUIRED);
      return go('rejected', { ...c, operatorId: e.operatorId, rejectReason: e.reason });
    case 'INVITATION_SENT':
      return value === 'approved' ? go('invited', { ...c, newUserId: e.userId }) : notHere;
    case 'REGISTRATION_COMPLETED':
      return value === 'invited' ? go('completed', c) : notHere;
  }
};

const explore = (): SubUserRequestEvent[] => [
  confirmed,
  passed(true),
  passed(false),
  { type: 'CHECKS_FAILED', reason: 'phone already registered', at: T0 + 2 },
  { type: 'OPERATOR_APPROVED', operatorId: 'op-1', at: T0 + 3 },
  { type: 'OPERATOR_REJECTED', operatorId: 'op-1', reason: 'not in the register', at: T0 + 3 },
  invitation,
  { type: 'REGISTRATION_COMPLETED', at: T0 + 5 },
  { type: 'EXPIRED', at: T0 + 6 },
  { type: 'CANCEL', reason: 'REGISTRATION_LOCKED' },
];

const probes = (): SubUserRequestEvent[] => [
  ...explore(),
  ...everyActor(['u-director', 'u-other'], [PARTNER, 'partner-2']).map((who): SubUserRequestEvent => ({ type: 'CREATOR_CONFIRMED', actor: who, at: T0 + 1 })),
  { type: 'CHECKS_FAILED', reason: '', at: T0 + 2 },
  { type: 'OPERATOR_REJECTED', operatorId: 'op-1', reason: ' ', at: T0 + 3 },
];

modelSuite({
  flow: 'SUB_USER_REQUEST',
  machine: subUserRequestMachine,
  initial: start,
  explore,
  probes,
  decide: decideSubUserRequest,
  oracle,
  pathKind: 'simple',
  status: {
    actual: subUserRequestStatus,
    expected: ({ value }) => (value === 'approved' ? 'BANK_PROCESSING' : value.replace(/[A-Z]/g, (ch) => `_${ch}`).toUpperCase()),
  },
  codes: [Code.NOT_FOUND, Code.NOT_CREATOR, Code.REASON_REQUIRED, Code.TRANSITION_NOT_ALLOWED, 'ACCESS.USER_NOT_ACTIVE', 'ACCESS.FORBIDDEN'],
});

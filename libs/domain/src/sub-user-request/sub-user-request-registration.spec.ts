import { decideSubUserRequest, initialSubUserRequestState, registrationOutcomeEvent, subUserRequestStatus } from './';
import type { MachineState } from '../machine-state';
import type { SubUserRequestContext, SubUserRequestEvent } from './';
import { actor } from '../testing/actors';

const creator = actor('u-director', 'p-1');
const invited = [
  { type: 'CREATOR_CONFIRMED', actor: creator, at: 2 },
  { type: 'CHECKS_PASSED', operatorReview: false, at: 3 },
  { type: 'INVITATION_SENT', userId: 'u-new', at: 4 },
].reduce<MachineState<SubUserRequestContext>>(
  (state, event) => {
    const decision = decideSubUserRequest(state, event as SubUserRequestEvent);
    if (!decision.ok) throw new Error(decision.error.code);
    return decision.state;
  },
  initialSubUserRequestState({ creator, at: 1 }),
);

describe('§1.8.4 the request ends as the new user’s registration ends', () => {
  it.each([
    ['ACTIVE', 'COMPLETED', null],
    ['EXPIRED', 'EXPIRED', null],
    ['LOCKED', 'CANCELLED', 'REGISTRATION_LOCKED'],
    ['CANCELLED', 'CANCELLED', 'REGISTRATION_CANCELLED'],
    ['FAILED', 'CANCELLED', 'REGISTRATION_FAILED'],
  ] as const)('registration %s → request %s', (registration, status, reason) => {
    const event = registrationOutcomeEvent(registration, 5);
    const decision = decideSubUserRequest(invited, event!);
    if (!decision.ok) throw new Error(decision.error.code);
    expect(subUserRequestStatus(decision.state)).toBe(status);
    expect(decision.state.context.cancelReason).toBe(reason);
  });

  it.each(['INVITED', 'CODE_SENT', 'CODE_VERIFIED'] as const)('a registration still %s has not ended', (status) => {
    expect(registrationOutcomeEvent(status, 5)).toBeNull();
  });
});

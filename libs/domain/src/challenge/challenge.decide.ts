import { canDecide, decide, type DecideOptions } from '../machine-decide';
import { initialState, isFinalState, statusMapper } from '../machine-flow';
import type { Decision, MachineState } from '../machine-state';
import { CHALLENGE_FLOW } from './challenge.errors';
import { challengeMachine } from './challenge.machine';
import {
  CHALLENGE_PURPOSES,
  type ChallengeContext,
  type ChallengeEvent,
  type ChallengeInput,
  type ChallengeStateValue,
  type ChallengeStatus,
} from './challenge.types';

type State = MachineState<ChallengeContext>;

const STATUS: Readonly<Record<ChallengeStateValue, ChallengeStatus>> = {
  issued: 'ISSUED',
  verified: 'VERIFIED',
  locked: 'LOCKED',
  expired: 'EXPIRED',
  cancelled: 'CANCELLED',
};

export const challengeStatus: (state: State) => ChallengeStatus = statusMapper(CHALLENGE_FLOW, STATUS);

/** What a refusal calls each step (never the event's name). */
const ACTIONS: DecideOptions<ChallengeContext, ChallengeEvent>['actions'] = {
  CODE_CHECKED: 'verify the code',
  EXPIRED: 'expire the code',
  CANCEL: 'cancel the code',
};

const options: DecideOptions<ChallengeContext, ChallengeEvent> = { flow: CHALLENGE_FLOW, statusOf: challengeStatus, actions: ACTIONS };

const positiveInteger = (value: number) => Number.isSafeInteger(value) && value > 0;

/** Limits come from configuration (§1.11) and the binding from the caller: nonsense is a bug. */
export const initialChallengeState = (input: ChallengeInput): State => {
  if (!CHALLENGE_PURPOSES.includes(input.purpose)) throw new RangeError(`Unknown purpose ${String(input.purpose)}.`);
  if (!Number.isSafeInteger(input.issuedAt) || input.issuedAt < 0) throw new RangeError('issuedAt must be epoch ms.');
  if (!positiveInteger(input.ttlMs)) throw new RangeError('ttlMs must be a positive integer.');
  if (!positiveInteger(input.maxAttempts)) throw new RangeError('maxAttempts must be a positive integer.');
  const entries = Object.entries(input.binding);
  if (entries.length === 0 || entries.some(([, value]) => typeof value !== 'string' || value.length === 0)) {
    throw new RangeError('A challenge must be bound to at least one non-empty fact.');
  }
  return initialState(challengeMachine, input);
};

export const decideChallenge = (state: State, event: ChallengeEvent): Decision<ChallengeContext> => decide(challengeMachine, state, event, options);

export const canDecideChallenge = (state: State, event: ChallengeEvent): boolean => canDecide(challengeMachine, state, event, options);

export const isChallengeFinal = (state: State): boolean => isFinalState(challengeMachine, state);

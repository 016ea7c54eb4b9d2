import { canDecide, decide, type DecideOptions } from '../machine-decide';
import { initialState, isFinalState, statusMapper } from '../machine-flow';
import type { Decision, MachineState } from '../machine-state';
import { REGISTRATION_FLOW } from './registration.errors';
import { registrationMachine } from './registration.machine';
import type { RegistrationContext, RegistrationEvent, RegistrationInput, RegistrationStateValue, RegistrationStatus } from './registration.types';

type State = MachineState<RegistrationContext>;

const STATUS: Readonly<Record<RegistrationStateValue, RegistrationStatus>> = {
  invited: 'INVITED',
  codeSent: 'CODE_SENT',
  codeVerified: 'CODE_VERIFIED',
  active: 'ACTIVE',
  expired: 'EXPIRED',
  locked: 'LOCKED',
  cancelled: 'CANCELLED',
};

export const registrationStatus: (state: State) => RegistrationStatus = statusMapper(REGISTRATION_FLOW, STATUS);

/** What a refusal calls each step (never the event's name); registration and password recovery alike. */
const ACTIONS: DecideOptions<RegistrationContext, RegistrationEvent>['actions'] = {
  CODE_REQUESTED: 'send a code',
  CODE_CHECKED: 'verify the code',
  CODE_EXPIRED: 'expire the code',
  PASSWORD_SET: 'set the password',
  LINK_EXPIRED: 'expire the link',
  CANCEL: 'cancel the link',
};

const options: DecideOptions<RegistrationContext, RegistrationEvent> = {
  flow: REGISTRATION_FLOW,
  statusOf: registrationStatus,
  actions: ACTIONS,
};

const positiveInteger = (value: number) => Number.isSafeInteger(value) && value > 0;

/** Lifetimes and limits come from configuration (§1.11); nonsense there is a start-up bug. */
export const initialRegistrationState = (input: RegistrationInput): State => {
  if (!positiveInteger(input.maxAttempts)) throw new RangeError('maxAttempts must be a positive integer.');
  if (!positiveInteger(input.codeTtlMs)) throw new RangeError('codeTtlMs must be a positive integer.');
  if (!Number.isSafeInteger(input.resendCooldownMs) || input.resendCooldownMs < 0) {
    throw new RangeError('resendCooldownMs must be a non-negative integer.');
  }
  return initialState(registrationMachine, input);
};

export const decideRegistration = (state: State, event: RegistrationEvent): Decision<RegistrationContext> => decide(registrationMachine, state, event, options);

export const canDecideRegistration = (state: State, event: RegistrationEvent): boolean => canDecide(registrationMachine, state, event, options);

export const isRegistrationFinal = (state: State): boolean => isFinalState(registrationMachine, state);

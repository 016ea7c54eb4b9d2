import type { Actor } from '../access-level';
import { canDecide, decide, type DecideOptions } from '../machine-decide';
import { initialState, isFinalState, statusMapper } from '../machine-flow';
import type { Decision, MachineState } from '../machine-state';
import { SUB_USER_REQUEST_FLOW } from './sub-user-request.errors';
import { subUserRequestMachine } from './sub-user-request.machine';
import { creatorRefusal, samePartner } from './sub-user-request.rules';
import type { SubUserRequestContext, SubUserRequestEvent, SubUserRequestInput, SubUserRequestStateValue, SubUserRequestStatus } from './sub-user-request.types';

type State = MachineState<SubUserRequestContext>;

/** There is no APPROVED status: until the link is e-mailed the bank is still processing (§1.8.3). */
const STATUS: Readonly<Record<SubUserRequestStateValue, SubUserRequestStatus>> = {
  awaitingConfirmation: 'AWAITING_CONFIRMATION',
  bankProcessing: 'BANK_PROCESSING',
  awaitingOperator: 'AWAITING_OPERATOR',
  approved: 'BANK_PROCESSING',
  invited: 'INVITED',
  completed: 'COMPLETED',
  rejected: 'REJECTED',
  expired: 'EXPIRED',
  cancelled: 'CANCELLED',
};

export const subUserRequestStatus: (state: State) => SubUserRequestStatus = statusMapper(SUB_USER_REQUEST_FLOW, STATUS);

/** What a refusal calls each step (never the event's name): the REST calls and the bank's steps. */
const ACTIONS: DecideOptions<SubUserRequestContext, SubUserRequestEvent>['actions'] = {
  CREATOR_CONFIRMED: 'confirm the request',
  CHECKS_PASSED: "complete the bank's checks",
  CHECKS_FAILED: "complete the bank's checks",
  OPERATOR_APPROVED: 'approve the request',
  OPERATOR_REJECTED: 'reject the request',
  INVITATION_SENT: 'invite the new user',
  REGISTRATION_COMPLETED: 'complete the request',
  EXPIRED: 'expire the request',
  CANCEL: 'cancel the request',
};

const options: DecideOptions<SubUserRequestContext, SubUserRequestEvent> = {
  flow: SUB_USER_REQUEST_FLOW,
  statusOf: subUserRequestStatus,
  actions: ACTIONS,
  precheck: samePartner,
};

/** Whether `actor` may start a request (§1.8.1); the API asks before sending the §1.8.2 code. */
export const subUserRequestCreationRefusal = (actor: Actor) => creatorRefusal(actor);

/** The creation decision: the initial state, or why this actor may not create users. */
export const startSubUserRequest = (input: SubUserRequestInput): Decision<SubUserRequestContext> => {
  const refusal = creatorRefusal(input.creator);
  return refusal ? { ok: false, error: refusal } : { ok: true, state: initialState(subUserRequestMachine, input) };
};

/** Uniform with the other flows; throws if the creator may not create (use startSubUserRequest to ask). */
export const initialSubUserRequestState = (input: SubUserRequestInput): State => {
  const started = startSubUserRequest(input);
  if (!started.ok) throw new Error(`${started.error.code}: ${started.error.message}`, { cause: started.error });
  return started.state;
};

export const decideSubUserRequest = (state: State, event: SubUserRequestEvent): Decision<SubUserRequestContext> =>
  decide(subUserRequestMachine, state, event, options);

export const canDecideSubUserRequest = (state: State, event: SubUserRequestEvent): boolean => canDecide(subUserRequestMachine, state, event, options);

export const isSubUserRequestFinal = (state: State): boolean => isFinalState(subUserRequestMachine, state);

/** The statuses of the machine's final states: a row in one of them is finished. */
const FINAL_STATUSES: ReadonlySet<SubUserRequestStatus> = new Set(
  (Object.keys(STATUS) as SubUserRequestStateValue[]).filter((value) => isFinalState(subUserRequestMachine, { value, context: null })).map((value) => STATUS[value]),
);

export const isSubUserRequestStatusFinal = (status: SubUserRequestStatus): boolean => FINAL_STATUSES.has(status);

import { canDecide, decide, type DecideOptions } from '../machine-decide';
import { initialState, isFinalState, statusMapper } from '../machine-flow';
import type { Decision, MachineState } from '../machine-state';
import { ONBOARDING_FLOW } from './onboarding.errors';
import { notYetAccepted, notYetSigned, onboardingMachine } from './onboarding.machine';
import type { OnboardingContext, OnboardingEvent, OnboardingInput, OnboardingStateValue, OnboardingStatus } from './onboarding.types';

type Ctx = OnboardingContext;
type Ev = OnboardingEvent;

const STATUS: Readonly<Record<OnboardingStateValue, OnboardingStatus>> = {
  awaitingSignature: 'AWAITING_SIGNATURE',
  awaitingAcceptance: 'AWAITING_ACCEPTANCE',
  inviting: 'INVITING',
  completed: 'COMPLETED',
  cancelled: 'CANCELLED',
};

export const onboardingStatus: (state: MachineState<Ctx>) => OnboardingStatus = statusMapper(ONBOARDING_FLOW, STATUS);

/** What a refusal calls each step (never the event's name): the operator's calls and the flow's own steps. */
const ACTIONS: DecideOptions<Ctx, Ev>['actions'] = {
  BANK_SIGNED: 'sign the application',
  AGREEMENT_ACCEPTED: "record the partner's acceptance of the agreement",
  REGISTRATIONS_FINISHED: 'complete the application',
  CANCEL: 'cancel the application',
};

const options: DecideOptions<Ctx, Ev> = {
  flow: ONBOARDING_FLOW,
  statusOf: onboardingStatus,
  actions: ACTIONS,
  // A repeated signature or acceptance after the flow has moved on still says why.
  refusals: { BANK_SIGNED: notYetSigned, AGREEMENT_ACCEPTED: notYetAccepted },
};

export const initialOnboardingState = (input: OnboardingInput): MachineState<Ctx> => {
  if (!Number.isSafeInteger(input.users) || input.users < 1) {
    throw new RangeError('An application must list at least one user.');
  }
  return initialState(onboardingMachine, input);
};

export const decideOnboarding = (state: MachineState<Ctx>, event: Ev): Decision<Ctx> => decide(onboardingMachine, state, event, options);

export const canDecideOnboarding = (state: MachineState<Ctx>, event: Ev): boolean => canDecide(onboardingMachine, state, event, options);

export const isOnboardingFinal = (state: MachineState<Ctx>): boolean => isFinalState(onboardingMachine, state);

import type { Actor } from '../access-level';
import type { DomainError } from '../domain-error';
import { canDecide, decide, type DecideOptions } from '../machine-decide';
import { initialState, isFinalState, stateNode, statusMapper } from '../machine-flow';
import type { Decision, MachineState } from '../machine-state';
import { authorize } from '../permissions';
import { invalidAmount, PAYMENT_FLOW } from './payment.errors';
import { paymentMachine } from './payment.machine';
import { hasConfirmation, permitted, positiveAmount, samePartner } from './payment.rules';
import type { PaymentContext, PaymentEvent, PaymentInput, PaymentStateValue, PaymentStatus } from './payment.types';

type State = MachineState<PaymentContext>;

const STATUS: Readonly<Record<PaymentStateValue, PaymentStatus>> = {
  draft: 'DRAFT',
  awaitingConfirmation: 'AWAITING_CONFIRMATION',
  partiallyConfirmed: 'PARTIALLY_CONFIRMED',
  sentToBank: 'SENT_TO_BANK',
  // The partner sees the document with the bank either way; the hand-off is the bank's business.
  handedToCoreBanking: 'SENT_TO_BANK',
  executed: 'EXECUTED',
  refused: 'REFUSED',
  cancelled: 'CANCELLED',
  expired: 'EXPIRED',
};

export const paymentStatus: (state: State) => PaymentStatus = statusMapper(PAYMENT_FLOW, STATUS);

/** What a refusal calls each step (never the event's name): the REST calls and the bank's steps. */
const ACTIONS: DecideOptions<PaymentContext, PaymentEvent>['actions'] = {
  EDIT: 'edit the payment',
  SUBMIT: 'submit the payment',
  CONFIRM: 'confirm the payment',
  RETURN: 'return the payment',
  CANCEL: 'cancel the payment',
  WITHDRAW_CONFIRMATION: 'withdraw a confirmation',
  HANDED_TO_CORE_BANKING: 'send the payment to the bank',
  BANK_EXECUTED: 'execute the payment',
  BANK_REFUSED: 'refuse the payment',
  EXPIRED: 'expire the payment',
};

const options: DecideOptions<PaymentContext, PaymentEvent> = {
  flow: PAYMENT_FLOW,
  statusOf: paymentStatus,
  actions: ACTIONS,
  precheck: samePartner,
  // Where the event has no transition at all, a user who could never do it hears 403, not 409.
  refusals: {
    EDIT: permitted('PAYMENT_EDIT'),
    SUBMIT: permitted('PAYMENT_SUBMIT'),
    CONFIRM: permitted('PAYMENT_CONFIRM'),
    RETURN: permitted('PAYMENT_RETURN'),
    CANCEL: permitted('PAYMENT_CANCEL'),
    WITHDRAW_CONFIRMATION: hasConfirmation,
  },
};

/** Whether `author` may create a document with this amount (§1.2.2). */
export const paymentCreationRefusal = (author: Actor, amountTiyn: string): DomainError | null =>
  authorize(author, 'PAYMENT_CREATE') ?? (positiveAmount(amountTiyn) ? null : invalidAmount());

/** The creation decision: the draft, or why it may not be created. */
export const startPayment = (input: PaymentInput): Decision<PaymentContext> => {
  const refusal = paymentCreationRefusal(input.author, input.amountTiyn);
  return refusal ? { ok: false, error: refusal } : { ok: true, state: initialState(paymentMachine, input) };
};

/** Uniform with the other flows; throws on a refused creation (use startPayment to ask). */
export const initialPaymentState = (input: PaymentInput): State => {
  const started = startPayment(input);
  if (!started.ok) throw new Error(`${started.error.code}: ${started.error.message}`, { cause: started.error });
  return started.state;
};

export const decidePayment = (state: State, event: PaymentEvent): Decision<PaymentContext> => decide(paymentMachine, state, event, options);

export const canDecidePayment = (state: State, event: PaymentEvent): boolean => canDecide(paymentMachine, state, event, options);

export const isPaymentFinal = (state: State): boolean => isFinalState(paymentMachine, state);

/** The statuses only final states show, from the machine itself: nothing more can happen to such a document. */
const FINAL_STATUSES: ReadonlySet<string> = new Set(
  (Object.keys(STATUS) as PaymentStateValue[]).filter((value) => stateNode(paymentMachine, value)?.type === 'final').map((value) => STATUS[value]),
);

/** Whether a stored status (a row's, a query's) is final: for readers that have the status, not the state. */
export const isPaymentStatusFinal = (status: string): boolean => FINAL_STATUSES.has(status);

import { transition, type AnyMachineSnapshot, type AnyStateMachine, type ContextFrom, type EventFromLogic, type EventObject, type MachineContext } from 'xstate';
import { domainError, type DomainError } from './domain-error';
import { stateNode } from './machine-flow';
import type { Decision, MachineState } from './machine-state';
import { isRuleGuard, type EventOf, type Rule } from './machine-rules';

export interface DecideOptions<TContext, TEvent extends EventObject> {
  /** Prefix of the flow's error codes, e.g. `REGISTRATION`. */
  readonly flow: string;
  /** The API status of a state: what TRANSITION_NOT_ALLOWED names (message and `details.status`). */
  readonly statusOf: (state: MachineState<TContext>) => string;
  /**
   * The public name of each event's action, as a caller knows it ("approve the request"):
   * refusals name it instead of the machine's event, whose name is internal.
   */
  readonly actions: { readonly [T in TEvent['type']]: string };
  /**
   * Why an event is refused in a non-final state that has no transition for it,
   * when there is something more useful to say than "not allowed here" (for
   * example ONBOARDING.ALREADY_SIGNED). Reference the same rules the guards use.
   */
  readonly refusals?: { readonly [T in TEvent['type']]?: Rule<TContext, EventOf<TEvent, T>> };
  /**
   * Checked before anything else, in every state (final ones too): who is asking.
   * A user of another partner must hear NOT_FOUND, never the document's state.
   * The machine's guards apply the same rule, so the machine alone is safe too.
   */
  readonly precheck?: Rule<TContext, TEvent>;
}

/**
 * The 409 for a step the machine does not take here. It speaks the API's language only — the
 * public status and the action's public name — never the machine's state or event names.
 */
export const transitionNotAllowed = (flow: string, status: string, action: string): DomainError =>
  domainError(`${flow}.TRANSITION_NOT_ALLOWED`, 'CONFLICT', `Cannot ${action} in status ${status}.`, { status, action });

/** Times are epoch milliseconds supplied by the caller (machines own no clock). */
const invalidTime = (event: EventObject, flow: string): DomainError | null => {
  if (!('at' in event)) return null;
  const at = (event as { at: unknown }).at;
  return typeof at === 'number' && Number.isSafeInteger(at) && at >= 0
    ? null
    : domainError(`${flow}.INVALID_EVENT`, 'INVALID', 'Event time must be epoch milliseconds.', {
        field: 'at',
      });
};

/** Structural equality for JSON-shaped data (contexts are persisted as JSON). */
export const sameJson = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
};

/** The first refusal among the guards of the transitions the event could have taken. */
const refusalFromGuards = (machine: AnyStateMachine, stateValue: string, context: MachineContext, event: EventObject): DomainError | null => {
  const node = stateNode(machine, stateValue);
  const candidates = [...(node?.on[event.type] ?? []), ...(machine.root.on[event.type] ?? [])];
  for (const candidate of candidates) {
    const guard = candidate.guard;
    if (guard === undefined || typeof guard === 'function') continue;
    const implementation = machine.implementations.guards[typeof guard === 'string' ? guard : guard.type];
    if (!isRuleGuard(implementation)) continue;
    const params = typeof guard === 'string' ? undefined : typeof guard.params === 'function' ? guard.params({ context, event }) : guard.params;
    const refusal = implementation.refusal(context, event, params);
    if (refusal) return refusal;
  }
  return null;
};

/**
 * Applies `event` to a persisted machine state with xstate's pure `transition()`:
 * no actor, no clock, no side effects. The event is accepted only when it changes
 * the state or its context; otherwise the answer names the reason: the refusing
 * rule's error, or `<FLOW>.TRANSITION_NOT_ALLOWED` (CONFLICT, `details.status`, `details.action`).
 */
export function decide<TMachine extends AnyStateMachine>(
  machine: TMachine,
  state: MachineState<ContextFrom<TMachine>>,
  event: EventFromLogic<TMachine>,
  options: DecideOptions<ContextFrom<TMachine>, EventFromLogic<TMachine>>,
): Decision<ContextFrom<TMachine>> {
  const node = stateNode(machine, state.value);
  if (node === undefined) {
    // A persisted state this machine does not know is a bug or a broken migration, not a refusal.
    throw new Error(`${options.flow}: unknown machine state "${state.value}"`);
  }
  const invalid = invalidTime(event, options.flow) ?? options.precheck?.(state.context, event, undefined) ?? null;
  if (invalid) return { ok: false, error: invalid };

  const logic: AnyStateMachine = machine;
  const snapshot: AnyMachineSnapshot = logic.resolveState({ value: state.value, context: state.context });
  const [next]: [AnyMachineSnapshot, unknown] = transition(logic, snapshot, event);
  if (next.status === 'error') throw next.error;
  if (typeof next.value !== 'string') {
    throw new Error(`${options.flow}: machines must be flat, got ${JSON.stringify(next.value)}`);
  }
  if (next.value !== state.value || !sameJson(next.context, state.context)) {
    return { ok: true, state: { value: next.value, context: next.context } };
  }

  const isFinal = node.type === 'final';
  const fallback = options.refusals?.[event.type as EventFromLogic<TMachine>['type']] as Rule<ContextFrom<TMachine>, EventFromLogic<TMachine>> | undefined;
  const reason = isFinal ? null : (refusalFromGuards(machine, state.value, state.context, event) ?? fallback?.(state.context, event, undefined) ?? null);
  return {
    ok: false,
    error: reason ?? transitionNotAllowed(options.flow, options.statusOf(state), options.actions[event.type as EventFromLogic<TMachine>['type']]),
  };
}

/** Whether `decide` would accept the event; for update validators and UI hints. */
export const canDecide = <TMachine extends AnyStateMachine>(
  machine: TMachine,
  state: MachineState<ContextFrom<TMachine>>,
  event: EventFromLogic<TMachine>,
  options: DecideOptions<ContextFrom<TMachine>, EventFromLogic<TMachine>>,
): boolean => decide(machine, state, event, options).ok;

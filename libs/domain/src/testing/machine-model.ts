/**
 * Test-only helpers for model-based machine specs (imported by *.spec.ts only).
 * They enumerate what a machine can do with `xstate/graph`; the specs then check
 * every step through the flow's `decide*` API against an independent oracle.
 */
import type { AnyStateMachine, ContextFrom, EventFromLogic, EventObject } from 'xstate';
import { getAdjacencyMap, getShortestPaths, getSimplePaths } from 'xstate/graph';
import type { Decision, MachineState } from '../machine-state';
import { sameJson } from '../machine-decide';

export interface ModelStep<C, E> {
  readonly from: MachineState<C>;
  readonly event: E;
  readonly to: MachineState<C>;
}

export interface ModelPath<C, E> {
  readonly name: string;
  readonly steps: ReadonlyArray<ModelStep<C, E>>;
}

export interface Model<C, E> {
  readonly initial: MachineState<C>;
  /** Every distinct `{ value, context }` reachable with the supplied events. */
  readonly states: ReadonlyArray<MachineState<C>>;
  /** Every step that changed something (refusals are self-loops and left out). */
  readonly steps: ReadonlyArray<ModelStep<C, E>>;
}

export interface ModelOptions<M extends AnyStateMachine> {
  readonly machine: M;
  readonly initial: MachineState<ContextFrom<M>>;
  /** Events to try in a state; derive times and versions from the context. */
  readonly events: (state: MachineState<ContextFrom<M>>) => ReadonlyArray<EventFromLogic<M>>;
}

type Snap = { value: unknown; context: unknown };
const toState = <C>(snapshot: Snap): MachineState<C> => ({
  value: String(snapshot.value),
  context: snapshot.context as C,
});

const traversal = <M extends AnyStateMachine>(options: ModelOptions<M>) => ({
  fromState: options.machine.resolveState({
    value: options.initial.value,
    context: options.initial.context,
  }),
  events: (snapshot: Snap) => options.events(toState(snapshot)),
});

const changed = (a: MachineState<unknown>, b: MachineState<unknown>) => a.value !== b.value || !sameJson(a.context, b.context);

export function explore<M extends AnyStateMachine>(options: ModelOptions<M>): Model<ContextFrom<M>, EventFromLogic<M>> {
  type C = ContextFrom<M>;
  const adjacency = getAdjacencyMap(options.machine, traversal(options) as never) as unknown as Record<
    string,
    { state: Snap; transitions: Record<string, { event: EventObject; state: Snap }> }
  >;
  const states: MachineState<C>[] = [];
  const steps: ModelStep<C, EventFromLogic<M>>[] = [];
  for (const entry of Object.values(adjacency)) {
    const from = toState<C>(entry.state);
    states.push(from);
    for (const next of Object.values(entry.transitions)) {
      const to = toState<C>(next.state);
      if (changed(from, to)) steps.push({ from, event: next.event as EventFromLogic<M>, to });
    }
  }
  return { initial: options.initial, states, steps };
}

const describeEvent = (event: EventObject): string => {
  const { type, ...rest } = event as EventObject & Record<string, unknown>;
  const facts = Object.entries(rest)
    .filter(([key]) => key !== 'at')
    .map(([key, value]) => `${key}=${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  return facts.length ? `${type}(${facts.join(',')})` : type;
};

/** Paths from the initial state: `simple` (every loop-free path) or `shortest` (one per state). */
export function paths<M extends AnyStateMachine>(options: ModelOptions<M>, kind: 'simple' | 'shortest'): Array<ModelPath<ContextFrom<M>, EventFromLogic<M>>> {
  type C = ContextFrom<M>;
  const generate = kind === 'simple' ? getSimplePaths : getShortestPaths;
  return generate(options.machine, traversal(options) as never)
    .filter((path) => path.steps.length > 1)
    .map((path) => {
      const steps: ModelStep<C, EventFromLogic<M>>[] = [];
      // After xstate's normalisation step i holds the state reached by its event; step 0 is the start.
      for (let i = 1; i < path.steps.length; i += 1) {
        steps.push({
          from: toState<C>(path.steps[i - 1]!.state as Snap),
          event: path.steps[i]!.event as EventFromLogic<M>,
          to: toState<C>(path.steps[i]!.state as Snap),
        });
      }
      const hops = steps.map((s) => `-${describeEvent(s.event as EventObject)}-> ${s.to.value}`);
      const name = [steps[0]!.from.value, ...hops].join(' ');
      return { name, steps };
    });
}

/** `source -EVENT-> target` for every transition written in the machine definition. */
export function definedEdges(machine: AnyStateMachine): string[] {
  const edges = new Set<string>();
  for (const node of Object.values(machine.root.states)) {
    for (const [eventType, transitions] of Object.entries(node.on)) {
      for (const transition of transitions) {
        const targets = transition.target?.map((t) => t.key) ?? [node.key];
        for (const target of targets) edges.add(`${node.key} -${eventType}-> ${target}`);
      }
    }
  }
  return [...edges].sort();
}

export const takenEdges = <C, E extends EventObject>(steps: ReadonlyArray<ModelStep<C, E>>): string[] =>
  [...new Set(steps.map((s) => `${s.from.value} -${s.event.type}-> ${s.to.value}`))].sort();

/** Workflow state is persisted as JSON between events; model that. */
export const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** What the agreement says should happen: the next state, or a refusal code. */
export type Expected<C> = { readonly ok: true; readonly state: MachineState<C> } | { readonly ok: false; readonly code: string };

/** A decision reduced to what the oracle predicts, for one readable `toEqual`. */
export const outcome = <C>(decision: Decision<C>): Expected<C> => (decision.ok ? { ok: true, state: decision.state } : { ok: false, code: decision.error.code });

/**
 * Registers the model-based jest tests shared by every machine spec (test-only).
 *
 * 1. Coverage: the exploration reaches every state of the definition and takes
 *    every transition written in it, so an event alphabet too poor to test a rule fails.
 * 2. Paths: each path from `xstate/graph` is replayed through the flow's `decide*`
 *    from JSON (as a workflow persists it) and must agree with the oracle at every step.
 * 3. Table: in every reachable state, every probe event (all actor variants, good and
 *    bad inputs) must get exactly the oracle's answer: the next state, or the refusal code.
 */
import type { AnyStateMachine, ContextFrom, EventFromLogic, EventObject } from 'xstate';
import { isDomainError } from '../domain-error';
import { sameJson } from '../machine-decide';
import type { Decision, MachineState } from '../machine-state';
import { definedEdges, explore, outcome, paths, takenEdges, viaJson, type Expected } from './machine-model';

export interface ModelSuite<M extends AnyStateMachine> {
  readonly flow: string;
  readonly machine: M;
  readonly initial: MachineState<ContextFrom<M>>;
  /** Events that drive the exploration (keep the state space finite). */
  readonly explore: (state: MachineState<ContextFrom<M>>) => ReadonlyArray<EventFromLogic<M>>;
  /** Events probed in every reachable state; include every refusal you expect. */
  readonly probes: (state: MachineState<ContextFrom<M>>) => ReadonlyArray<EventFromLogic<M>>;
  readonly decide: (state: MachineState<ContextFrom<M>>, event: EventFromLogic<M>) => Decision<ContextFrom<M>>;
  /** The agreement's answer, written independently of the machine. */
  readonly oracle: (state: MachineState<ContextFrom<M>>, event: EventFromLogic<M>) => Expected<ContextFrom<M>>;
  readonly pathKind: 'simple' | 'shortest';
  /** A smaller alphabet for the paths when simple paths over `explore` would be too many. */
  readonly pathEvents?: (state: MachineState<ContextFrom<M>>) => ReadonlyArray<EventFromLogic<M>>;
  /** Status the API must report, derived independently of the status table. */
  readonly status?: {
    readonly actual: (state: MachineState<ContextFrom<M>>) => string;
    readonly expected: (state: MachineState<ContextFrom<M>>) => string;
  };
  /** Every refusal code the probes must provoke somewhere (proves the table is not vacuous). */
  readonly codes: ReadonlyArray<string>;
}

const label = (event: EventObject) => JSON.stringify(event);

export function modelSuite<M extends AnyStateMachine>(suite: ModelSuite<M>): void {
  type E = EventFromLogic<M>;
  const options = { machine: suite.machine, initial: suite.initial, events: suite.explore };
  const model = explore(options);
  const walks = paths({ ...options, events: suite.pathEvents ?? suite.explore }, suite.pathKind);

  const size = `${model.states.length} reachable states, ${walks.length} ${suite.pathKind} paths`;
  describe(`${suite.flow} model (${size})`, () => {
    it('reaches every state and takes every transition of the definition', () => {
      const reached = new Set(model.states.map((s) => s.value));
      expect([...reached].sort()).toEqual(Object.keys(suite.machine.root.states).sort());
      expect(takenEdges(model.steps)).toEqual(definedEdges(suite.machine));
    });

    it.each(walks.map((walk) => [walk.name, walk] as const))('path %s', (_name, walk) => {
      for (const step of walk.steps) {
        const decision = suite.decide(viaJson(step.from), viaJson(step.event as E));
        expect({ event: label(step.event as EventObject), outcome: outcome(decision) }).toEqual({
          event: label(step.event as EventObject),
          outcome: suite.oracle(step.from, step.event as E),
        });
        expect(decision).toEqual({ ok: true, state: step.to });
      }
    });

    it('answers every probe in every reachable state as the oracle does; a 409 speaks only public names', () => {
      // The machine's event and state names are internal; the API's statuses are public (EXPIRED is both).
      // A one-word state (`issued`, `draft`) is also plain English: only camelCase ones are searched for.
      const publicStatuses = new Set(suite.status ? model.states.map((s) => suite.status!.actual(s)) : []);
      const states = Object.keys(suite.machine.root.states).filter((name) => /[A-Z]/.test(name));
      const internalNames = [
        /\bin state\b/,
        ...[...states, ...suite.machine.root.events].filter((name) => !publicStatuses.has(name)).map((name) => new RegExp(`\\b${name}\\b`)),
      ];
      // Plain checks collected into one list: tens of thousands of `expect` calls would dominate the run.
      const problems: string[] = [];
      const provoked = new Set<string>();
      const codePattern = new RegExp(`^(${suite.flow}|ACCESS)\\.[A-Z_]+$`);
      let accepted = 0;
      for (const state of model.states) {
        const persisted = viaJson(state);
        const where = (event: EventObject) => `${state.value} ${JSON.stringify(state.context)} ← ${label(event)}`;
        for (const event of suite.probes(state)) {
          const decision = suite.decide(persisted, event);
          const actual = outcome(decision);
          const expected = suite.oracle(state, event);
          if (!sameJson(actual, expected)) {
            problems.push(`${where(event)}: got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
          }
          if (decision.ok) {
            accepted += 1;
            continue;
          }
          const { error } = decision;
          // Access refusals come from the shared permission table (permissions.ts).
          if (!isDomainError(error) || !codePattern.test(error.code)) {
            problems.push(`${where(event)}: bad error ${JSON.stringify(error)}`);
          }
          const shown = suite.status?.actual(state);
          if (error.code.endsWith('.TRANSITION_NOT_ALLOWED') && (error.details?.status !== shown || typeof error.details?.action !== 'string')) {
            problems.push(`${where(event)}: details ${JSON.stringify(error.details)}`);
          }
          const leaked = error.kind === 'CONFLICT' ? internalNames.find((name) => name.test(`${error.message} ${JSON.stringify(error.details ?? {})}`)) : undefined;
          if (leaked) problems.push(`${where(event)}: a 409 names the machine's ${String(leaked)}: ${error.message}`);
          provoked.add(error.code);
        }
        const status = suite.status && { actual: suite.status.actual(state), expected: suite.status.expected(state) };
        if (status && status.actual !== status.expected) {
          problems.push(`${state.value}: status ${status.actual}, expected ${status.expected}`);
        }
      }
      expect(problems.slice(0, 20)).toEqual([]);
      expect(accepted).toBeGreaterThan(0);
      expect([...provoked].sort()).toEqual([...suite.codes].sort());
    });
  });
}

export type { Expected };
export const go = <C>(value: string, context: C): Expected<C> => ({ ok: true, state: { value, context } });
export const no = <C = never>(code: string): Expected<C> => ({ ok: false, code });

import { initialTransition, type AnyMachineSnapshot, type AnyStateMachine, type ContextFrom, type InputFrom } from 'xstate';
import type { MachineState } from './machine-state';

/** The machine's own node for a persisted state value (own keys only: no `constructor` surprises). */
export const stateNode = (machine: AnyStateMachine, value: string) =>
  Object.prototype.hasOwnProperty.call(machine.root.states, value) ? machine.root.states[value] : undefined;

/** The `{ value, context }` a flow starts in, from the machine's own initial transition. */
export const initialState = <TMachine extends AnyStateMachine>(machine: TMachine, input: InputFrom<TMachine>): MachineState<ContextFrom<TMachine>> => {
  const start = initialTransition as unknown as (logic: AnyStateMachine, input: unknown) => [AnyMachineSnapshot, unknown];
  const [snapshot] = start(machine, input);
  if (typeof snapshot.value !== 'string') throw new Error('machines must be flat');
  return { value: snapshot.value, context: snapshot.context as ContextFrom<TMachine> };
};

/** Whether the persisted state is one of the machine's final states. */
export const isFinalState = (machine: AnyStateMachine, state: MachineState<unknown>): boolean => {
  const node = stateNode(machine, state.value);
  if (node === undefined) throw new Error(`${machine.id}: unknown machine state "${state.value}"`);
  return node.type === 'final';
};

/** Maps machine states to the API's status strings; every state must have one. */
export const statusMapper =
  <TState extends string, TStatus extends string>(flow: string, table: Readonly<Record<TState, TStatus>>) =>
  (state: MachineState<unknown>): TStatus => {
    if (!Object.prototype.hasOwnProperty.call(table, state.value)) {
      throw new Error(`${flow}: no status for machine state "${state.value}"`);
    }
    return table[state.value as TState];
  };

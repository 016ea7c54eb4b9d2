import type { DomainError } from './domain-error';

/**
 * The persisted form of a machine snapshot: what a workflow keeps as its state
 * and what a query returns. `value` is the state node name (machines are flat).
 */
export interface MachineState<TContext> {
  readonly value: string;
  readonly context: TContext;
}

/** The answer a machine gives to an event: the next state, or a refusal with a reason. */
export type Decision<TContext> = { ok: true; state: MachineState<TContext> } | { ok: false; error: DomainError };

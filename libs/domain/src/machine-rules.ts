import type { EventObject } from 'xstate';
import type { DomainError } from './domain-error';

/**
 * A business rule: `null` when the event is acceptable, otherwise the reason it is
 * refused. Each rule is written once and serves both as the machine's guard
 * (through {@link ruleGuards}) and as the reason a decision gives for a refusal.
 */
export type Rule<TContext, TEvent, TParams = unknown> = (context: TContext, event: TEvent, params: TParams) => DomainError | null;

/** An xstate guard that also knows why it says no. */
export type RuleGuard<TContext, TEvent, TParams> = ((args: { context: TContext; event: TEvent }, params: TParams) => boolean) & {
  readonly refusal: Rule<TContext, TEvent, TParams>;
};

export type EventOf<TEvent extends EventObject, TType extends TEvent['type']> = Extract<TEvent, { type: TType }>;

/** The rules, in order; the first refusal wins. */
export const allOf =
  <TContext, TEvent, TParams = unknown>(...rules: ReadonlyArray<Rule<TContext, TEvent, TParams>>): Rule<TContext, TEvent, TParams> =>
  (context, event, params) => {
    for (const rule of rules) {
      const refusal = rule(context, event, params);
      if (refusal) return refusal;
    }
    return null;
  };

/**
 * Builds guards for one machine. `forEvent(type, rule, route)` gives a guard that
 * passes when the event has that type, the rule has no objection and, if given,
 * `route` picks this transition among several for the same accepted event (for
 * example a correct against a wrong code). `route` never refuses: only rules do.
 */
export const ruleGuards = <TContext, TEvent extends EventObject>() => ({
  forEvent<TType extends TEvent['type'], TParams = undefined>(
    type: TType,
    rule: Rule<TContext, EventOf<TEvent, TType>, NoInfer<TParams>>,
    route?: (context: TContext, event: EventOf<TEvent, TType>, params: TParams) => boolean,
  ): RuleGuard<TContext, TEvent, TParams> {
    const matches = (event: TEvent): event is EventOf<TEvent, TType> => event.type === type;
    const refusal: Rule<TContext, TEvent, TParams> = (context, event, params) => (matches(event) ? rule(context, event, params) : null);
    const guard = ({ context, event }: { context: TContext; event: TEvent }, params: TParams) =>
      matches(event) && rule(context, event, params) === null && (route === undefined || route(context, event, params));
    return Object.assign(guard, { refusal });
  },
});

/** Type guard for guard implementations built by {@link ruleGuards}. */
export const isRuleGuard = (value: unknown): value is RuleGuard<unknown, unknown, unknown> =>
  typeof value === 'function' && typeof (value as { refusal?: unknown }).refusal === 'function';

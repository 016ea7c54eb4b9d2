import { assign, setup } from 'xstate';
import { domainError } from './domain-error';
import { canDecide, decide, type DecideOptions } from './machine-decide';
import { initialState, isFinalState, statusMapper } from './machine-flow';
import { allOf, ruleGuards, type EventOf, type Rule } from './machine-rules';

interface Ctx {
  owner: string;
  count: number;
}
type Ev = { type: 'ADD'; by: string; n: number; at: number } | { type: 'CLOSE'; by: string } | { type: 'NOOP' };

const isOwner: Rule<Ctx, EventOf<Ev, 'ADD' | 'CLOSE'>> = (context, event) =>
  event.by === context.owner ? null : domainError('TOY.NOT_OWNER', 'FORBIDDEN', 'not yours');
const positive: Rule<Ctx, EventOf<Ev, 'ADD'>> = (_context, event) => (event.n > 0 ? null : domainError('TOY.NOT_POSITIVE', 'INVALID', 'n must be positive'));
const guard = ruleGuards<Ctx, Ev>().forEvent;

const toy = setup({
  types: {} as { context: Ctx; events: Ev; input: { owner: string } },
  guards: {
    canAdd: guard('ADD', allOf(isOwner, positive), (context, event, params: { max: number }) => context.count + event.n <= params.max),
    canClose: guard('CLOSE', isOwner),
  },
  actions: { add: assign(({ context, event }) => (event.type === 'ADD' ? { count: context.count + event.n } : {})) },
}).createMachine({
  id: 'toy',
  initial: 'open',
  context: ({ input }) => ({ owner: input.owner, count: 0 }),
  states: {
    open: {
      on: {
        ADD: { guard: { type: 'canAdd', params: { max: 10 } }, actions: 'add' },
        CLOSE: { guard: 'canClose', target: 'closed' },
        NOOP: { actions: assign({}) },
      },
    },
    closed: { type: 'final' },
  },
});

const status = statusMapper('TOY', { open: 'OPEN', closed: 'CLOSED' } as const);
const options: DecideOptions<Ctx, Ev> = {
  flow: 'TOY',
  statusOf: status,
  actions: { ADD: 'add items', CLOSE: 'close the toy', NOOP: 'do nothing' },
  precheck: (_context, event) => ('by' in event && event.by === 'intruder' ? domainError('TOY.NOT_FOUND', 'NOT_FOUND', 'no') : null),
};
const open = initialState(toy, { owner: 'ann' });
const closed = { value: 'closed', context: open.context };

describe('decide (generic)', () => {
  it('starts from the machine initial transition as plain { value, context }', () => {
    expect(open).toEqual({ value: 'open', context: { owner: 'ann', count: 0 } });
  });

  it('accepts an event that changes the context and returns the new state', () => {
    expect(decide(toy, open, { type: 'ADD', by: 'ann', n: 3, at: 1 }, options)).toEqual({
      ok: true,
      state: { value: 'open', context: { owner: 'ann', count: 3 } },
    });
    expect(canDecide(toy, open, { type: 'CLOSE', by: 'ann' }, options)).toBe(true);
  });

  it("names the first refusing rule of the event's candidate transitions, with params", () => {
    const refuse = (event: Ev) => decide(toy, open, event, options);
    const code = (event: Ev) => {
      const decision = refuse(event);
      return decision.ok ? null : decision.error.code;
    };
    expect(code({ type: 'ADD', by: 'bob', n: 0, at: 1 })).toBe('TOY.NOT_OWNER');
    expect(code({ type: 'ADD', by: 'ann', n: 0, at: 1 })).toBe('TOY.NOT_POSITIVE');
    // Rules pass but the route (max) does not: there is no rule to blame.
    expect(refuse({ type: 'ADD', by: 'ann', n: 11, at: 1 })).toMatchObject({
      ok: false,
      error: {
        code: 'TOY.TRANSITION_NOT_ALLOWED',
        kind: 'CONFLICT',
        message: 'Cannot add items in status OPEN.',
        details: { status: 'OPEN', action: 'add items' },
      },
    });
  });

  it('refuses an accepted transition that changes nothing', () => {
    expect(decide(toy, open, { type: 'NOOP' }, options)).toMatchObject({
      ok: false,
      error: { code: 'TOY.TRANSITION_NOT_ALLOWED' },
    });
  });

  it('refuses everything in a final state, but the precheck comes first everywhere', () => {
    expect(decide(toy, closed, { type: 'CLOSE', by: 'bob' }, options)).toMatchObject({
      ok: false,
      error: { code: 'TOY.TRANSITION_NOT_ALLOWED', details: { status: 'CLOSED', action: 'close the toy' } },
    });
    expect(decide(toy, closed, { type: 'CLOSE', by: 'intruder' }, options)).toMatchObject({
      ok: false,
      error: { code: 'TOY.NOT_FOUND' },
    });
    expect(isFinalState(toy, closed)).toBe(true);
    expect(isFinalState(toy, open)).toBe(false);
  });

  it('refuses a malformed time and throws on a state the machine does not know', () => {
    expect(decide(toy, open, { type: 'ADD', by: 'ann', n: 1, at: -5 }, options)).toMatchObject({
      ok: false,
      error: { code: 'TOY.INVALID_EVENT', kind: 'INVALID' },
    });
    for (const value of ['gone', 'constructor', '__proto__']) {
      const corrupt = { value, context: open.context };
      expect(() => decide(toy, corrupt, { type: 'NOOP' }, options)).toThrow(/unknown machine state/);
    }
    expect(() => status({ value: 'gone', context: null })).toThrow(/no status/);
  });

  it('never mutates the state it was given', () => {
    const frozen = JSON.parse(JSON.stringify(open)) as typeof open;
    Object.freeze(frozen.context);
    decide(toy, Object.freeze(frozen), { type: 'ADD', by: 'ann', n: 2, at: 1 }, options);
    expect(frozen).toEqual(open);
  });
});

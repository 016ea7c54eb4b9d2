import { decidePaymentCommands, paymentStatus, type Payment, type PaymentCommand } from '@domain/payment';
import { author, confirmWithCode, content, dir1, policy, request, start, submit, T0, verdict, walk } from '@domain/testing/payment-aggregate';
import { audited, byUser } from './payment-effects';

const origin = { requestId: 'req-1', clientAddress: '203.0.113.7' };
const LARGE = '200000000';
const submitted = () => walk(start(), submit(author, T0 + 1, policy(1)));
const held = () => walk(confirmWithCode(walk(start(LARGE), submit(author, T0 + 1, policy(1))), dir1, T0 + 10), { type: 'PLACE_HOLD', at: T0 + 100 });

describe('a step carries the audit record of the request it carries out (§1.15)', () => {
  it('an update without an origin (sent before steps carried their requests, or replayed from then) carries none', () => {
    expect(audited(undefined, byUser(author), 'payment.submit', () => ({}))).toBeUndefined();
  });

  it('names who asked, from where, and facts of the decided state; an operator as an operator', () => {
    const p = submitted();
    expect(audited(origin, byUser(dir1), 'payment.return', (s) => ({ status: paymentStatus(s.document) }))!(p)).toEqual({
      ...origin,
      action: 'payment.return',
      actorId: dir1.userId,
      partnerId: dir1.partnerId,
      details: { status: 'AWAITING_CONFIRMATION' },
    });
    expect(audited(origin, { actorType: 'OPERATOR', actorId: 'op-1', partnerId: 'partner-1' }, 'payment.compliance.release', () => ({}))!(p)).toMatchObject({
      actorType: 'OPERATOR',
      actorId: 'op-1',
    });
  });

  // The record rides on the step's first RECORD effect: a command audited this way must always make one.
  const auditedSteps: [string, () => Payment, PaymentCommand[]][] = [
    ['submit', () => start(), [submit(author, T0 + 1, policy(1))]],
    ['edit', () => submitted(), [{ type: 'EDIT', actor: author, content: { ...content(), purpose: 'Invoice 18' }, at: T0 + 2 }]],
    ['return', () => submitted(), [{ type: 'RETURN', actor: author, reason: 'wrong amount', at: T0 + 2 }]],
    ['cancel', () => submitted(), [{ type: 'CANCEL', actor: author, at: T0 + 2 }]],
    ['code request', () => submitted(), [request(dir1, 'ch-1', T0 + 2)]],
    ['confirmation', () => walk(submitted(), request(dir1, 'ch-1', T0 + 2)), [verdict(dir1, 'ch-1', true, T0 + 3)]],
    [
      'release',
      held,
      [
        { type: 'DECIDE_HOLD', operatorId: 'op-1', decision: 'EXECUTE', at: T0 + 200 },
        { type: 'SETTLE', at: T0 + 200 },
      ],
    ],
    [
      'refusal',
      held,
      [
        { type: 'DECIDE_HOLD', operatorId: 'op-1', decision: 'REFUSE', reason: 'Sanctions', at: T0 + 200 },
        { type: 'SETTLE', at: T0 + 200 },
      ],
    ],
  ];
  it.each(auditedSteps)('%s: the decision has a write to carry the record', (_name, from, commands) => {
    const d = decidePaymentCommands(from(), commands);
    if (!d.ok) throw new Error(d.error.code);
    expect(d.effects.filter((e) => e.type === 'RECORD').length).toBeGreaterThanOrEqual(1);
  });
});

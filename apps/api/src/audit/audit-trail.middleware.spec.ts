import type { Response } from 'express';
import { auditEntryFor } from './audit-trail.middleware';

const res = (statusCode: number, finished = true) => ({ statusCode, writableFinished: finished }) as unknown as Response;
const req = (over: Record<string, unknown>) => ({ method: 'POST', params: {}, ip: '127.0.0.1', id: 'req-1', ...over }) as never;

describe('auditEntryFor', () => {
  it('records a link-token route without the token', () => {
    const token = 'A'.repeat(43);
    const entry = auditEntryFor(req({ route: { path: '/v1/auth/recovery/:token/verify' }, params: { token } }), res(400))!;
    expect(entry).toMatchObject({ actorType: 'ANONYMOUS', action: 'POST /v1/auth/recovery/:token/verify', targetType: 'auth', targetId: null, outcome: 'FAILURE' });
    expect(entry.details).toEqual({ status: 400, tokenRoute: true });
    expect(JSON.stringify(entry)).not.toContain(token);
  });

  it('names the cabinet user and partner, or the operator', () => {
    const actor = { userId: 'u1', partnerId: 'p1' };
    expect(auditEntryFor(req({ route: { path: '/v1/payments/:id/submit' }, params: { id: 'x1' }, actor }), res(200))).toMatchObject({
      actorType: 'USER',
      actorId: 'u1',
      partnerId: 'p1',
      targetType: 'payments',
      targetId: 'id=x1',
      outcome: 'SUCCESS',
      requestId: 'req-1',
    });
    expect(
      auditEntryFor(req({ route: { path: '/v1/operator/users/:userId/block' }, params: { userId: 'u2' }, operator: { operatorId: 'operator-12345678' } }), res(403)),
    ).toMatchObject({ actorType: 'OPERATOR', actorId: 'operator-12345678', targetType: 'users', targetId: 'userId=u2', outcome: 'DENIED' });
  });

  it('never repeats an unmatched URL, and marks an answer the client never received', () => {
    const entry = auditEntryFor(req({ url: '/v1/registrations/secret/oops' }), res(404))!;
    expect(entry).toMatchObject({ action: 'POST (no such route)', targetType: null, outcome: 'DENIED' });
    expect(JSON.stringify(entry)).not.toContain('secret');
    expect(auditEntryFor(req({ route: { path: '/v1/users' } }), res(200, false))).toMatchObject({ outcome: 'FAILURE', details: { status: 200, aborted: true } });
  });

  it('skips successful codec decodes (reads by protocol) but keeps their refusals', () => {
    expect(auditEntryFor(req({ route: { path: '/codec/decode' } }), res(200))).toBeNull();
    expect(auditEntryFor(req({ route: { path: '/codec/decode' } }), res(401))).toMatchObject({ action: 'POST /codec/decode', outcome: 'DENIED' });
  });

  it('records an attacker-chosen path parameter percent-encoded, so a NUL cannot make the record unwritable', () => {
    const entry = auditEntryFor(req({ route: { path: '/v1/payments/:id/return' }, params: { id: 'x\u0000\u202e' } }), res(400))!;
    expect(entry.targetId).toBe('id=x%00%E2%80%AE');
  });
});

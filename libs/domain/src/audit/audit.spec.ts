import { auditOutcomeForStatus, auditQuerySchema, auditRecordView, maskClientAddress, operatorAuditQuerySchema } from '.';

describe('audit rules (§1.15)', () => {
  it.each([
    [200, 'SUCCESS'],
    [201, 'SUCCESS'],
    [204, 'SUCCESS'],
    [401, 'DENIED'],
    [403, 'DENIED'],
    [404, 'DENIED'],
    [400, 'FAILURE'],
    [409, 'FAILURE'],
    [422, 'FAILURE'],
    [429, 'FAILURE'],
    [500, 'FAILURE'],
    [302, 'FAILURE'],
  ])('status %i is %s', (status, outcome) => {
    expect(auditOutcomeForStatus(status)).toBe(outcome);
  });

  it.each([
    ['203.0.113.57', '203.0.113.*'],
    ['::ffff:10.1.2.3', '10.1.2.*'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3::*'],
    ['2001:db8::1', '2001:db8::*'],
    ['::1', '*'],
    ['not-an-address', '*'],
  ])('masks %s as %s', (address, masked) => {
    expect(maskClientAddress(address)).toBe(masked);
  });

  const record = {
    id: 42n,
    occurredAt: new Date('2026-03-01T10:00:00.123Z'),
    actorType: 'OPERATOR',
    actorId: 'operator-1a2b3c4d',
    partnerId: 'p',
    action: 'POST /v1/operator/applications/:id/sign',
    targetType: 'applications',
    targetId: 'id=a',
    outcome: 'SUCCESS' as const,
    requestId: 'r',
    clientAddress: '198.51.100.7',
    details: { status: 200 },
  };

  it('shows a partner that the bank acted, not which operator or from which host', () => {
    const view = auditRecordView('PARTNER', record);
    expect(view).toMatchObject({ id: '42', occurredAt: '2026-03-01T10:00:00.123Z', actor: { type: 'OPERATOR', id: null }, clientAddress: '198.51.100.*' });
  });

  it('shows an operator everything', () => {
    expect(auditRecordView('OPERATOR', record)).toMatchObject({ actor: { type: 'OPERATOR', id: 'operator-1a2b3c4d' }, clientAddress: '198.51.100.7' });
  });

  it('never shows a partner which check refused a sub-user request; an operator sees it (issue 12)', () => {
    const refused = { ...record, action: 'sub_user_request.rejected', details: { status: 'REJECTED', rejectReason: 'LOGIN_TAKEN' } };
    expect(auditRecordView('PARTNER', refused).details).toEqual({ status: 'REJECTED', rejectReason: 'BANK_CHECKS_FAILED' });
    expect(auditRecordView('OPERATOR', refused).details).toEqual({ status: 'REJECTED', rejectReason: 'LOGIN_TAKEN' });
    const byOperator = { ...refused, details: { status: 'REJECTED', rejectReason: 'Not authorised' } };
    expect(auditRecordView('PARTNER', byOperator).details).toEqual(byOperator.details);
  });

  it('keeps a partner user visible to the partner', () => {
    expect(auditRecordView('PARTNER', { ...record, actorType: 'USER', actorId: 'u-1' }).actor).toEqual({ type: 'USER', id: 'u-1' });
  });

  it('reads dates and date-times, and refuses a reversed range and unknown fields', () => {
    const ok = auditQuerySchema.parse({ from: '2026-01-01', to: '2026-01-31T12:00:00+05:00', limit: '10' });
    expect(ok.from!.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(ok.to!.toISOString()).toBe('2026-01-31T07:00:00.000Z');
    expect(ok.limit).toBe(10);
    expect(auditQuerySchema.safeParse({ from: '2026-02-01', to: '2026-01-01' }).success).toBe(false);
    expect(auditQuerySchema.safeParse({ partnerId: '5b0c6f5e-1f0e-4f43-9a53-0c1c2b6d2f10' }).success).toBe(false);
    expect(operatorAuditQuerySchema.safeParse({ partnerId: '5b0c6f5e-1f0e-4f43-9a53-0c1c2b6d2f10' }).success).toBe(true);
    expect(auditQuerySchema.safeParse({ cursor: 'abc' }).success).toBe(false);
    expect(auditQuerySchema.safeParse({ limit: '500' }).success).toBe(false);
  });

  it('bounds dates to 2000–2100 and holds the action filter to the text policy (issue 12)', () => {
    const issues = (query: object) => auditQuerySchema.safeParse(query).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues({ from: '0000-01-01' })).toEqual(['from: Must be between the years 2000 and 2100 (got 0000).']);
    expect(operatorAuditQuerySchema.safeParse({ to: '2026-13-01' }).success).toBe(false);
    expect(issues({ action: 'payment.\u0000*' })).toEqual(['action: action must be one line of printable characters (found control character U+0000).']);
    expect(auditQuerySchema.parse({ action: ' payment.* ' }).action).toBe('payment.*');
  });
});

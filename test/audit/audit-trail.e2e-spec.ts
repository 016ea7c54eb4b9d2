import { Client } from 'pg';
import { application } from '../support/fixtures';
import { call, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { auditRows, waitForAudit } from './support';

/** Every state-changing call and every workflow transition lands in the audit trail (§1.15). */
describe('audit trail: what is recorded', () => {
  let h: Harness;
  const mail = new MailCatcher();
  const pg = new Client({ connectionString: process.env.DATABASE_URL });

  beforeAll(async () => {
    h = await startHarness();
    await pg.connect();
  });
  afterAll(async () => {
    await h.close();
    await pg.end();
  });

  it('records operator calls with who, action, target, outcome, request id, address and time — and refusals too', async () => {
    const body = application();
    const created = await call(h, 'POST', '/v1/operator/applications', body, { ...h.operator, 'x-request-id': 'audit-spec-create-01' });
    expect(created.status).toBe(201);
    const { applicationId } = created.body;
    const [create] = await waitForAudit(pg, 'the create record', 'request_id = $1', ['audit-spec-create-01']);
    expect(create).toMatchObject({
      actor_type: 'OPERATOR',
      actor_id: 'operator:desk-1',
      action: 'POST /v1/operator/applications',
      target_type: 'applications',
      target_id: null,
      outcome: 'SUCCESS',
      client_address: expect.stringMatching(/127\.0\.0\.1/),
      details: { status: 201 },
    });
    expect(Date.now() - create!.occurred_at.getTime()).toBeLessThan(60_000);

    await call(h, 'POST', `/v1/operator/applications/${applicationId}/sign`, undefined, { ...h.operator, 'x-request-id': 'audit-spec-sign-0001' });
    const [sign] = await waitForAudit(pg, 'the sign record', 'request_id = $1', ['audit-spec-sign-0001']);
    expect(sign).toMatchObject({ action: 'POST /v1/operator/applications/:id/sign', target_id: `id=${applicationId}`, outcome: 'SUCCESS' });

    const again = await call(h, 'POST', `/v1/operator/applications/${applicationId}/sign`, undefined, { ...h.operator, 'x-request-id': 'audit-spec-sign-0002' });
    expect(again.status).toBe(409);
    await waitForAudit(pg, 'the refused sign', "request_id = $1 AND outcome = 'FAILURE'", ['audit-spec-sign-0002']);

    const anonymous = await call(h, 'POST', `/v1/operator/applications/${applicationId}/sign`, undefined, { 'x-request-id': 'audit-spec-sign-0003' });
    expect(anonymous.status).toBe(401);
    const [denied] = await waitForAudit(pg, 'the anonymous attempt', 'request_id = $1', ['audit-spec-sign-0003']);
    expect(denied).toMatchObject({ actor_type: 'ANONYMOUS', actor_id: null, outcome: 'DENIED', details: { status: 401 } });

    const cabinetShaped = { authorization: `Bearer ${'x'.repeat(43)}`, 'x-request-id': 'audit-spec-sign-0004' };
    expect((await call(h, 'POST', `/v1/operator/applications/${applicationId}/sign`, undefined, cabinetShaped)).status).toBe(401);
    await waitForAudit(pg, 'the cabinet-key attempt', "request_id = $1 AND outcome = 'DENIED'", ['audit-spec-sign-0004']);

    // Reads are not state changes.
    await call(h, 'GET', `/v1/operator/applications/${applicationId}`, undefined, { ...h.operator, 'x-request-id': 'audit-spec-read-0001' });
    await call(h, 'POST', '/v1/operator/applications', { partner: {} }, { ...h.operator, 'x-request-id': 'audit-spec-bad-00001' });
    await waitForAudit(pg, 'the invalid request', "request_id = $1 AND outcome = 'FAILURE'", ['audit-spec-bad-00001']);
    expect(await auditRows(pg, 'request_id = $1', ['audit-spec-read-0001'])).toEqual([]);
  });

  it('records that a link-token route was called, never the token, and every workflow transition', async () => {
    const body = application();
    const { applicationId, partnerId } = (await call(h, 'POST', '/v1/operator/applications', body, h.operator)).body;
    await call(h, 'POST', `/v1/operator/applications/${applicationId}/agreement-acceptance`, undefined, h.operator);
    await call(h, 'POST', `/v1/operator/applications/${applicationId}/sign`, undefined, h.operator);
    const user = body.users[0]!;
    const token = await mail.linkToken(user.email);
    expect((await call(h, 'POST', `/v1/registrations/${token}/code`, undefined, { 'x-request-id': 'audit-spec-code-0001' })).status).toBe(202);
    const [code] = await waitForAudit(pg, 'the code request', 'request_id = $1', ['audit-spec-code-0001']);
    expect(code).toMatchObject({
      actor_type: 'ANONYMOUS',
      action: 'POST /v1/registrations/:token/code',
      target_type: 'registrations',
      target_id: null,
      outcome: 'SUCCESS',
      details: { status: 202, tokenRoute: true },
    });
    const wrong = await call(h, 'POST', `/v1/registrations/${token}/verify`, { code: '000000' }, { 'x-request-id': 'audit-spec-code-0002' });
    await waitForAudit(pg, 'the wrong code', 'request_id = $1', ['audit-spec-code-0002']);
    expect(wrong.status).toBe(400);

    const onboarding = await waitForAudit(
      pg,
      'three onboarding transitions',
      "action = 'workflow.transition' AND target_id = $1",
      [`onboarding-${applicationId}`],
      2,
    );
    expect(onboarding.map((r) => r.details)).toEqual([
      { flow: 'onboarding', from: 'AWAITING_SIGNATURE', to: 'AWAITING_SIGNATURE', event: 'AGREEMENT_ACCEPTED' },
      { flow: 'onboarding', from: 'AWAITING_SIGNATURE', to: 'INVITING', event: 'BANK_SIGNED' },
    ]);
    expect(onboarding.every((r) => r.partner_id === partnerId && r.actor_type === 'OPERATOR')).toBe(true);
    const registration = await waitForAudit(
      pg,
      'registration transitions',
      "action = 'workflow.transition' AND details->>'flow' = 'registration' AND partner_id = $1",
      [partnerId],
      2,
    );
    expect(registration.map((r) => [r.details.from, r.details.to, r.details.event, r.actor_type])).toEqual([
      [null, 'INVITED', 'START', 'SYSTEM'],
      ['INVITED', 'CODE_SENT', 'CODE_REQUESTED', 'USER'],
    ]);

    // Not in any column, not in any details, of any record.
    const all = await pg.query(`SELECT count(*)::int AS n FROM audit_records WHERE audit_records::text LIKE $1`, [`%${token}%`]);
    expect(all.rows[0].n).toBe(0);
  });
});

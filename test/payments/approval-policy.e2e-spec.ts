import { call, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { cabinet, confirm, nthSms, setPolicy, smsCount, submitted, type Cabinet } from './support';

/** The partner's approval policy (§1.2.1): read by anyone, changed by full access with an SMS code. */
describe('approval policy', () => {
  let h: Harness;
  let c: Cabinet;
  const mail = new MailCatcher();

  beforeAll(async () => {
    h = await startHarness({ CODE_RESEND_COOLDOWN_MS: '1000' });
    c = await cabinet(h, mail, ['FULL_ACCESS', 'FULL_ACCESS', 'CREATE_AND_VIEW']);
  });
  afterAll(async () => {
    await h.close();
  });

  it('defaults to one confirmation for any amount, the author included', async () => {
    const read = await call(h, 'GET', '/v1/partner/approval-policy', undefined, c.users[2]!.auth);
    expect(read).toMatchObject({ status: 200, body: { rules: [], authorMayConfirm: true, version: 0 } });
  });

  it('a change takes effect only with the changer’s own code; bad tiers are 400, create-and-view is 403', async () => {
    const [dir1, dir2, clerk] = c.users;
    const put = (body: unknown, user = dir1!) => call(h, 'PUT', '/v1/partner/approval-policy', body, user.auth);
    expect((await put({ rules: [{ minAmount: '0', requiredConfirmations: 1 }] }, clerk)).status).toBe(403);
    const bad = await put({
      rules: [
        { minAmount: '0', requiredConfirmations: 2 },
        { minAmount: '100', requiredConfirmations: 1 },
      ],
    });
    expect(bad).toMatchObject({ status: 400, body: { errors: [{ path: 'rules' }] } });
    expect((await put({ rules: [{ minAmount: '-1', requiredConfirmations: 0 }] })).body.errors.map((e: { path: string }) => e.path)).toEqual([
      'rules.0.minAmount',
      'rules.0.requiredConfirmations',
    ]);

    const before = await smsCount(mail, dir1!.phone);
    const pending = await put({ rules: [{ minAmount: '500000.00', requiredConfirmations: 2 }] });
    expect(pending).toMatchObject({ status: 202, body: { challengeId: expect.any(String), expiresAt: expect.any(String) } });
    const { text, code } = await nthSms(mail, dir1!.phone, before + 1);
    expect(text).toContain('500000.00 KZT');
    expect(text).not.toContain(dir1!.login);
    expect((await call(h, 'GET', '/v1/partner/approval-policy', undefined, dir1!.auth)).body.version).toBe(0);

    const verifyPath = `/v1/partner/approval-policy/changes/${pending.body.challengeId}/verify`;
    const byOther = await call(h, 'POST', verifyPath, { code }, dir2!.auth);
    expect(byOther).toMatchObject({ status: 404 });
    const stranger = await cabinet(h, mail, ['FULL_ACCESS']);
    expect((await call(h, 'POST', verifyPath, { code }, stranger.users[0]!.auth)).status).toBe(404);
    const wrong = await call(h, 'POST', verifyPath, { code: code === '000000' ? '111111' : '000000' }, dir1!.auth);
    expect(wrong).toMatchObject({ status: 400, body: { attemptsLeft: 4 } });

    const applied = await call(h, 'POST', verifyPath, { code }, dir1!.auth);
    expect(applied).toMatchObject({
      status: 200,
      body: { rules: [{ minAmount: '500000.00', requiredConfirmations: 2 }], authorMayConfirm: true, version: 1 },
    });
    const replay = await call(h, 'POST', verifyPath, { code }, dir1!.auth);
    expect(replay.status).toBe(409);
  });

  it('a submitted document keeps the policy it was submitted under', async () => {
    const [dir1, dir2] = c.users;
    await setPolicy(h, mail, dir1!, { rules: [{ minAmount: '0', requiredConfirmations: 2 }] });
    const id = await submitted(h, c, dir1, '10.00');
    await setPolicy(h, mail, dir1!, { rules: [] });
    const read = await call(h, 'GET', `/v1/payments/${id}`, undefined, dir1!.auth);
    expect(read.body.requiredConfirmations).toBe(2);
    expect(await confirm(h, mail, dir1!, id)).toMatchObject({ status: 'PARTIALLY_CONFIRMED', requiredConfirmations: 2 });
    expect(await confirm(h, mail, dir2!, id)).toMatchObject({ status: 'SENT_TO_BANK' });
  });

  it('is documented in OpenAPI: the 202 change, its verify endpoint and Idempotency-Key on creating calls', async () => {
    const doc = (await call(h, 'GET', '/docs/openapi.json')).body;
    const policy = doc.paths['/v1/partner/approval-policy'];
    expect(Object.keys(policy.put.responses)).toContain('202');
    expect(doc.paths['/v1/partner/approval-policy/changes/{challengeId}/verify'].post).toBeDefined();
    for (const [path, method] of [
      ['/v1/payments', 'post'],
      ['/v1/payments/{id}/confirmations', 'post'],
      ['/v1/partner/approval-policy', 'put'],
      ['/v1/operator/applications', 'post'],
    ] as const) {
      const names = (doc.paths[path][method].parameters ?? []).map((p: { name: string }) => p.name);
      expect({ path, names }).toEqual({ path, names: expect.arrayContaining(['Idempotency-Key']) });
    }
    for (const path of ['/v1/operator/payments', '/v1/operator/payments/{id}/execute', '/v1/operator/payments/{id}/refuse']) {
      expect(doc.paths[path]).toBeDefined();
    }
  });
});

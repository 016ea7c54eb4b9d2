import { randomUUID } from 'node:crypto';
import { cabinet, confirm, documentBody, expectStatus, nthSms, setPolicy, smsCount, statusBecomes, type Cabinet } from '../payments/support';
import { newUser } from '../sub-users/support';
import { fromAddress } from '../support/addresses';
import { STRONG_PASSWORD } from '../support/fixtures';
import { call, eventually, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { bearer } from '../support/users';
import { ContractChecker, recordFetch, type Exchange, type OpenApi } from './recorder';

/**
 * The REST contract (issue 15): the main flows run as a cabinet and an operator would run
 * them, every answer is recorded, and each must be an operation, status, media type and
 * body that /docs/openapi.json describes. An answer the document does not describe fails.
 */
describe('every answer matches the OpenAPI document', () => {
  let h: Harness;
  let mail: MailCatcher;
  let recorder: ReturnType<typeof recordFetch>;
  let checker: ContractChecker;
  let c: Cabinet;

  beforeAll(async () => {
    h = await startHarness();
    mail = new MailCatcher();
    checker = new ContractChecker((await (await fetch(`${h.baseUrl}/docs/openapi.json`)).json()) as OpenApi);
    recorder = recordFetch(h.baseUrl);
    c = await cabinet(h, mail, ['FULL_ACCESS', 'FULL_ACCESS', 'CREATE_AND_VIEW']);
  });

  afterAll(async () => {
    recorder?.stop();
    await h?.close();
  });

  const [director, deputy, viewer] = [0, 1, 2].map((i) => () => c.users[i]!);

  it('operations and public reads', async () => {
    for (const path of ['/health', '/ready', '/v1/security/parameters']) expectStatus(await call(h, 'GET', path), 200);
    expectStatus(await call(h, 'GET', `/v1/operator/applications/${c.partner.applicationId}`, undefined, h.operator), 200);
    expectStatus(await call(h, 'GET', '/v1/me', undefined, director().auth), 200);
    expectStatus(await call(h, 'GET', '/v1/me'), 401);
    expectStatus(await call(h, 'GET', `/v1/operator/applications/${randomUUID()}`, undefined, h.operator), 404);
    expectStatus(await call(h, 'POST', '/v1/operator/applications', { partner: {} }, h.operator), 400);
    const registration = await mail.linkToken(director().login);
    expectStatus(await call(h, 'GET', `/v1/registrations/${registration}`), 200);
    expectStatus(await call(h, 'GET', '/v1/operator/audit/public-key', undefined, h.operator), 200);
  });

  it('accounts and statements in JSON, CSV and PDF', async () => {
    const iban = c.partner.accounts[0]!;
    expectStatus(await call(h, 'GET', '/v1/accounts', undefined, director().auth), 200);
    const day = new Date().toISOString().slice(0, 10);
    for (const accept of ['application/json', 'text/csv', 'application/pdf']) {
      expectStatus(await call(h, 'GET', `/v1/accounts/${iban}/statement?from=${day}&to=${day}`, undefined, { ...director().auth, accept }), 200);
    }
    expectStatus(await call(h, 'GET', `/v1/accounts/${iban}/statement?from=${day}&to=${day}`, undefined, { ...director().auth, accept: 'image/png' }), 406);
    expectStatus(await call(h, 'POST', `/v1/operator/accounts/${iban}/block`, { reason: 'contract check' }, h.operator), 200);
    expectStatus(await call(h, 'POST', `/v1/operator/accounts/${iban}/unblock`, undefined, h.operator), 200);
  });

  it('payments: draft, edit, submit, confirm, execute, receipt; refusals', async () => {
    const me = director();
    expectStatus(await call(h, 'GET', '/v1/partner/approval-policy', undefined, me.auth), 200);
    await setPolicy(h, mail, me, { rules: [{ minAmount: '0.00', requiredConfirmations: 2 }], authorMayConfirm: true });
    const key = { 'idempotency-key': randomUUID() };
    const created = await call(h, 'POST', '/v1/payments', documentBody(c), { ...me.auth, ...key });
    expectStatus(created, 201);
    expectStatus(await call(h, 'POST', '/v1/payments', documentBody(c, '2.00'), { ...me.auth, ...key }), 422);
    const id = created.body.id as string;
    expectStatus(await call(h, 'PATCH', `/v1/payments/${id}`, { amount: '1500.25' }, me.auth), 200);
    expectStatus(await call(h, 'POST', `/v1/payments/${id}/submit`, undefined, me.auth), 200);
    expectStatus(await call(h, 'POST', `/v1/payments/${id}/confirmations`, undefined, viewer().auth), 403);
    expectStatus(await call(h, 'POST', `/v1/payments/${id}/confirmations/${randomUUID()}/verify`, { code: '12' }, me.auth), 400);
    await confirm(h, mail, me, id);
    await confirm(h, mail, deputy(), id);
    await statusBecomes(h, me, id, 'EXECUTED');
    expectStatus(await call(h, 'POST', `/v1/payments/${id}/cancel`, undefined, me.auth), 409);
    expectStatus(await call(h, 'POST', `/v1/payments/${id}/receipt`, { channel: 'EMAIL' }, me.auth), 202);
    expectStatus(await call(h, 'GET', `/v1/payments?status=EXECUTED&limit=1`, undefined, me.auth), 200);
    expectStatus(await call(h, 'GET', `/v1/payments/${randomUUID()}`, undefined, me.auth), 404);

    const second = await call(h, 'POST', '/v1/payments', documentBody(c), me.auth);
    expectStatus(await call(h, 'POST', `/v1/payments/${second.body.id}/submit`, undefined, me.auth), 200);
    expectStatus(await call(h, 'POST', `/v1/payments/${second.body.id}/return`, { reason: 'wrong purpose' }, me.auth), 200);
    expectStatus(await call(h, 'POST', `/v1/payments/${second.body.id}/cancel`, undefined, me.auth), 200);
    expectStatus(await call(h, 'GET', '/v1/operator/payments?limit=5', undefined, h.operator), 200);
    expectStatus(await call(h, 'GET', `/v1/operator/payments/${id}`, undefined, h.operator), 200);
    expectStatus(await call(h, 'POST', `/v1/operator/payments/${id}/execute`, undefined, h.operator), 409);
    expectStatus(await call(h, 'POST', `/v1/operator/payments/${randomUUID()}/refuse`, { reason: 'no such payment' }, h.operator), 404);
  });

  it('users: a new-user request confirmed by SMS, the operators’ queue', async () => {
    const me = director();
    expectStatus(await call(h, 'GET', '/v1/users', undefined, me.auth), 200);
    const before = await smsCount(mail, me.phone);
    const created = await call(h, 'POST', '/v1/users', newUser('contract'), me.auth);
    expectStatus(created, 202);
    const { code } = await nthSms(mail, me.phone, before + 1);
    expectStatus(await call(h, 'POST', `/v1/users/requests/${created.body.requestId}/confirm`, { code }, me.auth), 202);
    await eventually('the request decided', async () => {
      const res = await call(h, 'GET', `/v1/users/requests/${created.body.requestId}`, undefined, me.auth);
      return ['INVITED', 'AWAITING_OPERATOR', 'REJECTED'].includes(res.body.status) ? res : undefined;
    });
    expectStatus(await call(h, 'GET', `/v1/operator/sub-user-requests?partnerId=${c.partner.partnerId}&limit=1`, undefined, h.operator), 200);
    expectStatus(await call(h, 'POST', `/v1/operator/sub-user-requests/${randomUUID()}/approve`, undefined, h.operator), 404);
    expectStatus(await call(h, 'POST', `/v1/operator/sub-user-requests/${randomUUID()}/reject`, { reason: 'Not authorised by the director' }, h.operator), 404);
  });

  it('sign-in by code, password change, recovery, blocking, audit', async () => {
    const user = viewer();
    const otp = await call(h, 'POST', '/v1/auth/otp', { login: user.login }, fromAddress());
    expectStatus(otp, 202);
    const code = await mail.smsCode(user.phone, 2);
    const session = await call(h, 'POST', `/v1/auth/otp/${otp.body.challengeId}/verify`, { code }, fromAddress());
    expectStatus(session, 200);
    const auth = bearer(session.body.sessionKey);
    expectStatus(await call(h, 'POST', '/v1/auth/password', { currentPassword: 'wrong-password', newPassword: 'x' }, auth), 400);
    expectStatus(await call(h, 'POST', '/v1/auth/logout', undefined, auth), 204);
    expectStatus(await call(h, 'POST', '/v1/auth/login', { login: user.login, password: 'not-the-password' }, fromAddress()), 401);

    // Another user: the viewer's phone just had a sign-in code, and codes per phone are limited.
    const other = deputy();
    expectStatus(await call(h, 'POST', '/v1/auth/recovery', { login: other.login }, fromAddress()), 202);
    const token = await mail.linkToken(other.login, 'recover', 2); // after the registration link
    expectStatus(await call(h, 'GET', `/v1/auth/recovery/${token}`), 200);
    expectStatus(await call(h, 'POST', `/v1/auth/recovery/${token}/password`, { password: `${STRONG_PASSWORD}x` }), 409);
    expectStatus(await call(h, 'POST', `/v1/auth/recovery/${token}/code`), 202);
    expectStatus(await call(h, 'POST', `/v1/auth/recovery/${token}/code`), 429);
    const recoveryCode = await mail.smsCode(other.phone, 2);
    const wrong = recoveryCode === '000000' ? '111111' : '000000';
    expectStatus(await call(h, 'POST', `/v1/auth/recovery/${token}/verify`, { code: wrong }), 400);

    expectStatus(await call(h, 'POST', `/v1/operator/users/${user.userId}/block`, { reason: 'contract check' }, h.operator), 200);
    expectStatus(await call(h, 'POST', `/v1/operator/users/${user.userId}/block`, { reason: 'contract check' }, h.operator), 409);
    expectStatus(await call(h, 'POST', `/v1/operator/users/${user.userId}/unblock`, {}, h.operator), 200);
    expectStatus(await call(h, 'POST', `/v1/operator/users/${user.userId}/reinvite`, undefined, h.operator), 409);
    expectStatus(await call(h, 'GET', '/v1/audit?limit=5', undefined, director().auth), 200);
    expectStatus(await call(h, 'GET', `/v1/operator/audit?partnerId=${c.partner.partnerId}&limit=5`, undefined, h.operator), 200);
  });

  it('the payload codec for Temporal UI', async () => {
    const token = h.operator.authorization!.slice('Bearer '.length);
    expectStatus(await call(h, 'POST', '/codec/session', { token }), 200);
    expectStatus(await call(h, 'POST', '/codec/session', { token: 'not-an-operator-token' }), 401);
    expectStatus(await call(h, 'DELETE', '/codec/session'), 204);
    const encoded = await call(h, 'POST', '/codec/encode', { payloads: [{ metadata: { encoding: 'anNvbi9wbGFpbg==' }, data: 'IjEi' }] }, h.operator);
    expectStatus(encoded, 200);
    expectStatus(await call(h, 'POST', '/codec/decode', encoded.body, h.operator), 200);
    expectStatus(await call(h, 'POST', '/codec/decode', { payloads: [{ metadata: { encoding: 'YmluYXJ5L2VuY3J5cHRlZA==' }, data: 'AAAA' }] }, h.operator), 422);
  });

  it('fails an answer the document does not describe', () => {
    const headers = new Headers({ 'x-request-id': 'r' });
    const answer = (status: number, body: unknown): Exchange => ({
      method: 'GET',
      path: '/v1/accounts',
      status,
      contentType: 'application/json',
      headers,
      body: JSON.stringify(body),
    });
    expect(checker.violations(answer(200, { items: [], nextCursor: null }))).toEqual([]);
    expect(checker.violations(answer(200, { accounts: [] }))).not.toEqual([]);
    expect(checker.violations(answer(200, { items: [], nextCursor: null, extra: 1 }))).not.toEqual([]);
    expect(checker.violations(answer(418, {}))).not.toEqual([]);
    expect(checker.violations({ ...answer(200, {}), path: '/v1/nowhere' })).not.toEqual([]);
  });

  it('the recorded answers are all described by the document', () => {
    const exchanges: Exchange[] = recorder.exchanges;
    const covered = new Set(exchanges.map((e) => checker.operationOf(e)).filter(Boolean));
    if (process.env.CONTRACT_REPORT) console.log(`${exchanges.length} answers over ${covered.size} operations:\n${[...covered].sort().join('\n')}`);
    expect(exchanges.length).toBeGreaterThan(60);
    expect(covered.size).toBeGreaterThan(40);
    expect(exchanges.flatMap((e) => checker.violations(e))).toEqual([]);
  });
});

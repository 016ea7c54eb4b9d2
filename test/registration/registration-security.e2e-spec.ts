import { call, eventually, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { application, STRONG_PASSWORD } from '../support/fixtures';
import { historyText } from '../sub-users/support';

/** Bad input never yields a 500 or a half-written record; secrets never reach Temporal. */
describe('registration: input, isolation and secrets', () => {
  let h: Harness;
  const mail = new MailCatcher();

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const badApplications: [string, unknown, string[]][] = [
    ['not JSON', '{"partner":', ['(body)']],
    ['empty body', {}, ['partner', 'accounts', 'users']],
    ['wrong types', { partner: 'x', accounts: 'y', users: 3 }, ['partner', 'accounts', 'users']],
    [
      'every field bad',
      {
        partner: { bin: '123456789012', name: '' },
        accounts: [{ iban: 'KZ00125000000000000', openingBalance: '-1' }],
        users: [{ fullName: '', email: 'no-at-sign', phone: '+7 727 258 00 00', accessLevel: 'ADMIN', language: 'en' }],
      },
      [
        'partner.bin',
        'partner.name',
        'accounts.0.iban',
        'accounts.0.openingBalance',
        'users.0.fullName',
        'users.0.email',
        'users.0.phone',
        'users.0.accessLevel',
        'users.0.language',
      ],
    ],
    ['unknown field', { ...application(), extra: true }, ['(body)']],
    ['money as a number', { ...application(), accounts: [{ iban: application().accounts[0]!.iban, openingBalance: 100.5 }] }, ['accounts.0.openingBalance']],
    ['too many decimals', { ...application(), accounts: [{ iban: application().accounts[0]!.iban, openingBalance: '1.234' }] }, ['accounts.0.openingBalance']],
    [
      'duplicate e-mails',
      (() => {
        const a = application([{}, {}]);
        a.users[1]!.email = a.users[0]!.email.toUpperCase();
        return a;
      })(),
      ['users.1.email'],
    ],
  ];

  it.each(badApplications)('application with %s → 400 listing each bad field, nothing written', async (_name, body, paths) => {
    const res = await call(h, 'POST', '/v1/operator/applications', body, h.operator);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 400, title: 'Bad Request' });
    if (paths[0] === '(body)') {
      expect(res.body.detail).toBeTruthy();
      return;
    }
    const reported: string[] = res.body.errors.map((e: { path: string; message: string }) => e.path);
    for (const path of paths) expect(reported.some((p) => p === path || p.startsWith(`${path}.`))).toBe(true);
    // one message per bad field, each a sentence a person can act on
    for (const e of res.body.errors) expect(e.message.length).toBeGreaterThan(3);
  });

  it('a second open application for the same BIN → 409, and the first is untouched', async () => {
    const body = application([{}]);
    expect((await call(h, 'POST', '/v1/operator/applications', body, h.operator)).status).toBe(201);
    const again = application([{}]);
    again.partner.bin = body.partner.bin;
    const res = await call(h, 'POST', '/v1/operator/applications', again, h.operator);
    expect(res.status).toBe(409);
    expect(res.body.field).toBe('partner.bin');
  });

  it('a login e-mail already used by another user → 409 naming the field', async () => {
    const first = application([{}]);
    await call(h, 'POST', '/v1/operator/applications', first, h.operator);
    const second = application([{}]);
    second.users[0]!.email = first.users[0]!.email;
    const res = await call(h, 'POST', '/v1/operator/applications', second, h.operator);
    expect(res).toMatchObject({ status: 409, body: { field: 'users.0.email' } });
  });

  it('operator endpoints need an operator token; a wrong one is 401 with the same body', async () => {
    const none = await call(h, 'POST', '/v1/operator/applications', application());
    const wrong = await call(h, 'POST', '/v1/operator/applications', application(), { authorization: 'Bearer not-an-operator-token-xxxxxxxxxxxx' });
    expect(none.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(wrong.body).toEqual(none.body);
  });

  it('registration bodies with bad fields → 400, unknown or malformed tokens → 404', async () => {
    const token = 'A'.repeat(43);
    expect((await call(h, 'GET', `/v1/registrations/${token}`)).status).toBe(404);
    expect((await call(h, 'GET', '/v1/registrations/short')).status).toBe(404);
    for (const body of [{}, { code: 123456 }, { code: '12345' }, { code: '1234567' }, { code: 'abcdef' }, '[]']) {
      const res = await call(h, 'POST', `/v1/registrations/${token}/verify`, body);
      expect(res.status).toBe(400);
    }
    for (const body of [{}, { password: 7 }, { password: '' }]) {
      expect((await call(h, 'POST', `/v1/registrations/${token}/password`, body)).status).toBe(400);
    }
  });

  it('every response carries X-Request-Id, echoing a well-formed one from the caller', async () => {
    const mine = await call(h, 'GET', '/health', undefined, { 'x-request-id': 'cabinet-req-12345678' });
    expect(mine.headers.get('x-request-id')).toBe('cabinet-req-12345678');
    const generated = await call(h, 'GET', '/v1/registrations/bad', undefined, { 'x-request-id': 'bad id with spaces' });
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('no code, token or password appears in any workflow history, search attribute or memo', async () => {
    const body = application([{}]);
    const app = await call(h, 'POST', '/v1/operator/applications', body, h.operator);
    await call(h, 'POST', `/v1/operator/applications/${app.body.applicationId}/sign`, undefined, h.operator);
    await call(h, 'POST', `/v1/operator/applications/${app.body.applicationId}/agreement-acceptance`, undefined, h.operator);
    const user = body.users[0]!;
    const token = await mail.linkToken(user.email);
    await call(h, 'POST', `/v1/registrations/${token}/code`);
    const code = await mail.smsCode(user.phone);
    await call(h, 'POST', `/v1/registrations/${token}/verify`, { code: code === '123123' ? '321321' : '123123' });
    await call(h, 'POST', `/v1/registrations/${token}/verify`, { code });
    await call(h, 'POST', `/v1/registrations/${token}/password`, { password: STRONG_PASSWORD });
    const onboarding = `onboarding-${app.body.applicationId}`;
    await eventually('onboarding to complete', async () =>
      (await h.temporal.workflow.getHandle(onboarding).describe()).status.name === 'COMPLETED' ? true : undefined,
    );
    const ids = [onboarding];
    for await (const wf of h.temporal.workflow.list({ query: `PartnerId = "${app.body.partnerId}"` })) ids.push(wf.workflowId);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    for (const id of new Set(ids)) {
      // raw history and description, plus every payload decoded through the operator's codec
      const text = await historyText(h, id);
      expect(text).toContain('"workflowId"'); // decoding produced readable content
      for (const secret of [token, STRONG_PASSWORD, Buffer.from(STRONG_PASSWORD).toString('base64')]) {
        expect(text).not.toContain(secret);
      }
      // a 6-digit code may occur by chance inside timestamps: look for it as a number of its own
      expect(text).not.toMatch(new RegExp(`(?<![0-9])${code}(?![0-9])`));
    }
  });
});

import { call, eventually, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { cabinet, documentBody, submitted, type Cabinet } from '../payments/support';
import { createAndConfirm, createRequest, newUser, waitForStatus } from '../sub-users/support';

/**
 * Issue 12, from the outside: hostile text and dates are a 400 naming the field (never a
 * 500 or a jammed flow), HTML typed by one partner's user reaches a third party's e-mail
 * escaped, and a sub-user request cannot tell that an address is another partner's login.
 */
describe('hostile text and dates (issue 12)', () => {
  let h: Harness;
  const mail = new MailCatcher();
  let c: Cabinet;
  let other: Cabinet;

  beforeAll(async () => {
    h = await startHarness();
    [c, other] = await Promise.all([cabinet(h, mail, ['FULL_ACCESS']), cabinet(h, mail, ['FULL_ACCESS'])]);
  });
  afterAll(() => h.close());

  const director = () => c.users[0]!;
  const session = () => director().auth.authorization.replace('Bearer ', '');
  const fieldErrors = (body: { errors?: { path: string; message: string }[] }) => body.errors ?? [];

  it('a beneficiary name with bidi controls (the forged SMS) or invisible characters is a 400 naming the field', async () => {
    const forged = 'ТОО Ромашка \u202E0010…\u202C';
    for (const name of [forged, 'ТОО\u200BX', 'ТОО\u200DX', '\uFEFFТОО', 'ТОО \u2066X\u2069']) {
      const body = documentBody(c);
      const res = await call(h, 'POST', '/v1/payments', { ...body, beneficiary: { ...body.beneficiary, name } }, director().auth);
      expect(res.status).toBe(400);
      expect(fieldErrors(res.body)).toEqual([
        {
          path: 'beneficiary.name',
          message: expect.stringMatching(/^Beneficiary name must not contain invisible or direction-changing characters \(found U\+(202E|200B|200D|FEFF|2066)\)\.$/),
        },
      ]);
    }
    const nul = await call(h, 'POST', '/v1/payments', { ...documentBody(c), purpose: 'a\u0000b' }, director().auth);
    expect(nul).toMatchObject({ status: 400, body: { errors: [{ path: 'purpose', message: expect.stringContaining('U+0000') }] } });
  });

  it('a NUL in a return reason is a 400 and the document stays where it was', async () => {
    const id = await submitted(h, c, director());
    const res = await call(h, 'POST', `/v1/payments/${id}/return`, { reason: 'a\u0000b' }, director().auth);
    expect(res).toMatchObject({ status: 400, body: { errors: [{ path: 'reason', message: expect.stringContaining('U+0000') }] } });
    expect((await call(h, 'GET', `/v1/payments/${id}`, undefined, director().auth)).body.status).toBe('AWAITING_CONFIRMATION');
  });

  it('from=0000-01-01 is a 400 on the from field of every query, never a 500', async () => {
    const iban = c.partner.accounts[0]!;
    const queries: [string, Record<string, string>][] = [
      ['/v1/payments?from=0000-01-01', director().auth],
      ['/v1/audit?from=0000-01-01', director().auth],
      ['/v1/operator/audit?from=0000-01-01', h.operator],
      [`/v1/accounts/${iban}/statement?from=0000-01-01&to=2026-01-31`, director().auth],
    ];
    for (const [path, auth] of queries) {
      const res = await call(h, 'GET', path, undefined, auth);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(fieldErrors(res.body)).toEqual([{ path: 'from', message: 'Must be between the years 2000 and 2100 (got 0000).' }]);
    }
    const notADay = await call(h, 'GET', '/v1/payments?to=2026-02-30', undefined, director().auth);
    expect(fieldErrors(notADay.body)).toEqual([{ path: 'to', message: '2026-02-30 is not a calendar date.' }]);
  });

  it('a forged payments cursor (impossible uuid or year) is a 400 on cursor, never a 500', async () => {
    const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const cursors = [
      forge(['2026-01-01T00:00:00.000Z', '------------------------------------']),
      forge(['+275760-09-13T00:00:00.000Z', '00000000-0000-4000-8000-000000000000']),
      forge(null),
      'bm90LWpzb24',
    ];
    for (const cursor of cursors) {
      const res = await call(h, 'GET', `/v1/payments?cursor=${cursor}`, undefined, director().auth);
      expect({ cursor, status: res.status, errors: fieldErrors(res.body).map((e: { path: string }) => e.path) }).toEqual({
        cursor,
        status: 400,
        errors: ['cursor'],
      });
    }
  });

  it('POST /v1/users: a NUL or a line break in fullName and any accessLevel but CREATE_AND_VIEW are 400s naming the field', async () => {
    const nul = await createRequest(h, session(), { ...newUser('nul'), fullName: 'Ivan\u0000Petrov' });
    expect(nul).toMatchObject({ status: 400, body: { errors: [{ path: 'fullName', message: expect.stringContaining('U+0000') }] } });
    const newline = await createRequest(h, session(), { ...newUser('nl'), fullName: 'Ivan\nBcc: x@evil.kz' });
    expect(newline).toMatchObject({ status: 400, body: { errors: [{ path: 'fullName' }] } });
    for (const accessLevel of ['FULL_ACCESS', 'ADMIN']) {
      const res = await createRequest(h, session(), { ...newUser('level'), accessLevel });
      expect(res).toMatchObject({ status: 400, body: { errors: [{ path: 'accessLevel', message: expect.stringContaining('§1.9') }] } });
    }
  });

  it('HTML in a sub-user’s fullName arrives escaped in the invitation e-mail, on one line of the text part', async () => {
    const sub = { ...newUser('html'), fullName: '<b>Mallory</b> <img src=x onerror=alert(1)>' };
    const { requestId } = await createAndConfirm(h, mail, { session: session(), phone: director().phone }, sub);
    await waitForStatus(h, session(), requestId, 'INVITED');
    const [invitation] = (await mail.waitFor(sub.email)) as unknown as { text: string; html: string }[];
    expect(invitation!.html).toContain('&lt;b&gt;Mallory&lt;/b&gt; &lt;img src=x onerror=alert(1)&gt;');
    expect(invitation!.html).not.toMatch(/<b>Mallory|<img/);
    expect(invitation!.text.split('\n')[0]).toMatch(/, <b>Mallory<\/b> <img src=x onerror=alert\(1\)>!$/);
  });

  it('a cross-partner sub-user request cannot tell that the address is another partner’s login', async () => {
    const theirs = other.users[0]!.login;
    const ours = director().login;
    const refusals: { requestId: string; view: Record<string, any> }[] = [];
    for (const email of [theirs, ours]) {
      const { requestId } = await createAndConfirm(h, mail, { session: session(), phone: director().phone }, { ...newUser('taken'), email });
      refusals.push({ requestId, view: await waitForStatus(h, session(), requestId, 'REJECTED') });
    }
    // The same neutral refusal as every other check, whoever holds the login.
    for (const { view } of refusals) {
      expect(view.rejection).toEqual({ by: 'BANK_CHECKS', code: 'BANK_CHECKS_FAILED', reason: expect.any(String) });
      expect(JSON.stringify(view.rejection)).not.toMatch(/LOGIN_TAKEN|login/i);
    }
    const shape = ({ requestId, createdAt, updatedAt, finishedAt, codeExpiresAt, email, phoneMasked, fullName, ...rest }: Record<string, unknown>) => rest;
    expect(shape(refusals[0]!.view)).toEqual(shape(refusals[1]!.view));

    // Nor does the partner's audit trail say it; the bank's does.
    const partnerTrail = await eventually('the rejections in the partner’s audit', async () => {
      const res = await call(h, 'GET', '/v1/audit?action=sub_user_request.rejected', undefined, director().auth);
      const mine = res.body.items.filter((i: { target: { id: string } }) => refusals.some((r) => r.requestId === i.target.id));
      return mine.length === 2 ? mine : undefined;
    });
    expect(JSON.stringify(partnerTrail)).not.toContain('LOGIN_TAKEN');
    const bankTrail = await call(h, 'GET', `/v1/operator/audit?partnerId=${c.partner.partnerId}&action=sub_user_request.rejected`, undefined, h.operator);
    expect(bankTrail.body.items.filter((i: { details: { rejectReason?: string } }) => i.details.rejectReason === 'LOGIN_TAKEN').length).toBeGreaterThanOrEqual(2);
  });
});

import { call, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { cabinet, confirm, documentBody, expectStatus, nthSms, requestCode, setPolicy, smsCount, statusBecomes, submitted, verify } from './support';

/** Documents through approval to the bank (§1.2.1, §1.13, §2.4), as a cabinet drives them. */
describe('payment approval', () => {
  let h: Harness;
  const mail = new MailCatcher();

  beforeAll(async () => {
    h = await startHarness({ CODE_RESEND_COOLDOWN_MS: '1000' });
  });
  afterAll(async () => {
    await h.close();
  });

  it('one confirmation (the default policy): create → submit → code from the SMS → SENT_TO_BANK → EXECUTED', async () => {
    const c = await cabinet(h, mail, ['FULL_ACCESS']);
    const [director] = c.users;
    const body = documentBody(c, '1500.50');
    const created = await call(h, 'POST', '/v1/payments', body, director!.auth);
    expect(created).toMatchObject({ status: 201, body: { id: expect.any(String), number: expect.any(Number), status: 'DRAFT' } });
    const id = created.body.id;

    const sub = await call(h, 'POST', `/v1/payments/${id}/submit`, undefined, director!.auth);
    expect(sub).toMatchObject({ status: 200, body: { status: 'AWAITING_CONFIRMATION', requiredConfirmations: 1 } });

    const { challengeId, expiresAt, text, code } = await requestCode(h, mail, director!, id);
    expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
    // §1.13: the SMS says what the code confirms — amount and beneficiary — and never the login.
    expect(text).toContain('1500.50 KZT');
    expect(text).toContain(body.beneficiary.name);
    expect(text).toContain(body.beneficiary.iban.slice(-4));
    expect(text).not.toContain(director!.login);

    const ok = await verify(h, director!, id, challengeId, code);
    expect(ok).toMatchObject({ status: 200, body: { status: 'SENT_TO_BANK', confirmations: 1, requiredConfirmations: 1 } });

    const done = await statusBecomes(h, director!, id, 'EXECUTED');
    expect(done).toMatchObject({ number: created.body.number, amount: '1500.50', refusal: null, executedAt: expect.any(String) });
    // The value date is a working day (after the cut-off or on a weekend it rolls forward).
    expect([0, 6]).not.toContain(new Date(`${done.valueDate}T00:00:00Z`).getUTCDay());
    expect(done.confirmations).toEqual([{ userId: director!.userId, version: 1, confirmedAt: expect.any(String) }]);
    expect(done.timeline.map((e: { type: string }) => e.type)).toEqual(['CREATED', 'SUBMITTED', 'CONFIRMATION_REQUESTED', 'CONFIRMED', 'SENT_TO_BANK', 'EXECUTED']);
    expect(done.timeline[3]).toMatchObject({ actor: { type: 'USER', userId: director!.userId }, at: expect.any(String) });
    expect(done.timeline[5]).toMatchObject({ actor: { type: 'SYSTEM' } });
  });

  it('two confirmations above a tier, set with the changer’s SMS code; the author may not confirm', async () => {
    const c = await cabinet(h, mail, ['FULL_ACCESS', 'FULL_ACCESS', 'FULL_ACCESS']);
    const [author, dir1, dir2] = c.users;
    const policy = await setPolicy(h, mail, dir1!, {
      rules: [
        { minAmount: '0', requiredConfirmations: 1 },
        { minAmount: '1000.00', requiredConfirmations: 2 },
      ],
      authorMayConfirm: false,
    });
    expect(policy).toMatchObject({
      rules: [
        { minAmount: '0.00', requiredConfirmations: 1 },
        { minAmount: '1000.00', requiredConfirmations: 2 },
      ],
      authorMayConfirm: false,
      version: 1,
    });
    expect((await call(h, 'GET', '/v1/partner/approval-policy', undefined, author!.auth)).body).toEqual(policy);

    const id = await submitted(h, c, author, '2500.00');
    const read = await call(h, 'GET', `/v1/payments/${id}`, undefined, author!.auth);
    expect(read.body).toMatchObject({ status: 'AWAITING_CONFIRMATION', requiredConfirmations: 2 });

    const byAuthor = await call(h, 'POST', `/v1/payments/${id}/confirmations`, undefined, author!.auth);
    expect(byAuthor).toMatchObject({ status: 403, body: { code: 'PAYMENT.AUTHOR_MAY_NOT_CONFIRM' } });

    expect(await confirm(h, mail, dir1!, id)).toEqual({ status: 'PARTIALLY_CONFIRMED', confirmations: 1, requiredConfirmations: 2 });
    expect(await confirm(h, mail, dir2!, id)).toEqual({ status: 'SENT_TO_BANK', confirmations: 2, requiredConfirmations: 2 });
    const done = await statusBecomes(h, author!, id, 'EXECUTED');
    expect(done.confirmations.map((x: { userId: string }) => x.userId).sort()).toEqual([dir1!.userId, dir2!.userId].sort());

    // Below the tier one confirmation still suffices; the snapshot is taken per submission.
    const small = await submitted(h, c, author, '10.00');
    expect(await confirm(h, mail, dir2!, small)).toMatchObject({ status: 'SENT_TO_BANK', requiredConfirmations: 1 });
  });

  it('the same user cannot confirm twice (409); a create-and-view user cannot confirm at all (403)', async () => {
    const c = await cabinet(h, mail, ['FULL_ACCESS', 'FULL_ACCESS', 'CREATE_AND_VIEW']);
    const [dir1, dir2, clerk] = c.users;
    await setPolicy(h, mail, dir1!, { rules: [{ minAmount: '0', requiredConfirmations: 2 }] });
    const id = await submitted(h, c, clerk);

    const denied = await call(h, 'POST', `/v1/payments/${id}/confirmations`, undefined, clerk!.auth);
    expect(denied).toMatchObject({ status: 403, body: { code: 'ACCESS.FORBIDDEN' } });
    const deniedVerify = await call(h, 'POST', `/v1/payments/${id}/confirmations/${crypto.randomUUID()}/verify`, { code: '123456' }, clerk!.auth);
    expect(deniedVerify.status).toBe(403);

    expect(await confirm(h, mail, dir1!, id)).toMatchObject({ status: 'PARTIALLY_CONFIRMED', confirmations: 1 });
    const again = await call(h, 'POST', `/v1/payments/${id}/confirmations`, undefined, dir1!.auth);
    expect(again).toMatchObject({ status: 409, body: { code: 'PAYMENT.ALREADY_CONFIRMED_BY_USER' } });
    expect(await confirm(h, mail, dir2!, id)).toMatchObject({ status: 'SENT_TO_BANK', confirmations: 2 });
  });

  it('two users confirming at once are each counted once; a double-clicked verify succeeds once', async () => {
    const c = await cabinet(h, mail, ['FULL_ACCESS', 'FULL_ACCESS', 'FULL_ACCESS']);
    const [dir1, dir2, dir3] = c.users;
    await setPolicy(h, mail, dir1!, { rules: [{ minAmount: '0', requiredConfirmations: 3 }] });
    const id = await submitted(h, c, dir1);

    const [a, b] = await Promise.all([requestCode(h, mail, dir1!, id), requestCode(h, mail, dir2!, id)]);
    const both = await Promise.all([verify(h, dir1!, id, a.challengeId, a.code), verify(h, dir2!, id, b.challengeId, b.code)]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect(both.map((r) => r.body.confirmations).sort()).toEqual([1, 2]);

    const third = await requestCode(h, mail, dir3!, id);
    const clicks = await Promise.all([1, 2, 3].map(() => verify(h, dir3!, id, third.challengeId, third.code)));
    expect(clicks.filter((r) => r.status === 200)).toHaveLength(1);
    expect(clicks.filter((r) => r.status === 409)).toHaveLength(2);
    const read = await call(h, 'GET', `/v1/payments/${id}`, undefined, dir1!.auth);
    expect(read.body.confirmations).toHaveLength(3);
    expect(read.body.timeline.filter((e: { type: string }) => e.type === 'CONFIRMED')).toHaveLength(3);
  });

  it('a wrong code costs an attempt (400 with attemptsLeft); a user of another partner sees nothing (404)', async () => {
    const c = await cabinet(h, mail, ['FULL_ACCESS']);
    const other = await cabinet(h, mail, ['FULL_ACCESS']);
    const [director] = c.users;
    const [stranger] = other.users;
    const id = await submitted(h, c, director);
    const { challengeId, code } = await requestCode(h, mail, director!, id);
    const wrong = await verify(h, director!, id, challengeId, code === '000000' ? '111111' : '000000');
    expect(wrong).toMatchObject({ status: 400, body: { code: 'PAYMENT.WRONG_CODE', attemptsLeft: 4, errors: [{ path: 'code' }] } });

    for (const [method, path, body] of [
      ['GET', `/v1/payments/${id}`, undefined],
      ['PATCH', `/v1/payments/${id}`, { purpose: 'hijack' }],
      ['POST', `/v1/payments/${id}/submit`, undefined],
      ['POST', `/v1/payments/${id}/cancel`, undefined],
      ['POST', `/v1/payments/${id}/confirmations`, undefined],
      ['POST', `/v1/payments/${id}/confirmations/${challengeId}/verify`, { code }],
    ] as const) {
      const res = await call(h, method, path, body, stranger!.auth);
      expect({ method, path, status: res.status, code: res.body.code }).toEqual({ method, path, status: 404, code: 'PAYMENT.NOT_FOUND' });
    }
    const list = await call(h, 'GET', '/v1/payments', undefined, stranger!.auth);
    expect(list.body.items.map((p: { id: string }) => p.id)).not.toContain(id);
    expect(await smsCount(mail, stranger!.phone)).toBe(1); // the registration code only
    expect((await verify(h, director!, id, challengeId, code)).status).toBe(200);
    expect((await nthSms(mail, director!.phone, 2)).code).toBe(code);
    expectStatus(await call(h, 'GET', `/v1/payments/${id}`, undefined, director!.auth), 200);
  });
});

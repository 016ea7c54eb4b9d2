import { Client } from 'pg';
import { waitForAudit } from '../audit/support';
import { call, eventually, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { bearer, login, registerPartner, type RegisteredPartner } from '../support/users';
import { createWithCode, confirm, newUser, requestOf, waitForStatus } from '../sub-users/support';

/** Issue 16, tried as an operator would: look-up, the review queue, named operators in the audit trail, the messages. */
describe('the operator desk', () => {
  let h: Harness;
  const mail = new MailCatcher();
  const pg = new Client({ connectionString: process.env.DATABASE_URL });
  let a: RegisteredPartner;
  let b: RegisteredPartner;
  let director: { session: string; phone: string; login: string };
  // The second configured operator, `desk-2:<token>` in test/setup/env.ts.
  let desk2: { authorization: string };

  beforeAll(async () => {
    h = await startHarness();
    await pg.connect();
    desk2 = { authorization: `Bearer ${h.env.OPERATOR_TOKENS[1]}` };
    [a, b] = await Promise.all([
      registerPartner(h, mail, [{ accessLevel: 'FULL_ACCESS' }]),
      registerPartner(h, mail, [{ accessLevel: 'FULL_ACCESS' }, { accessLevel: 'CREATE_AND_VIEW' }]),
    ]);
    const u = a.users[0]!;
    director = { session: await login(h, u.login, u.password), phone: u.phone, login: u.login };
  });
  afterAll(async () => {
    await h.close();
    await pg.end();
  });

  const lookup = (query: string, headers: Record<string, string> = h.operator) => call(h, 'GET', `/v1/operator/lookup?${query}`, undefined, headers);

  it('finds a partner and its application by BIN, and a user by e-mail or phone in any common spelling', async () => {
    const byBin = await lookup(`bin=${b.bin}`);
    expect(byBin.status).toBe(200);
    expect(byBin.body.nextCursor).toBeNull();
    expect(byBin.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'PARTNER', partnerId: b.partnerId, bin: b.bin, status: 'ACTIVE' }),
        expect.objectContaining({
          type: 'APPLICATION',
          applicationId: b.applicationId,
          status: expect.stringMatching(/^(INVITING|COMPLETED)$/),
          partner: expect.objectContaining({ partnerId: b.partnerId }),
        }),
      ]),
    );

    const user = b.users[1]!;
    const byEmail = await lookup(`email=${encodeURIComponent(`  ${user.login.toUpperCase()} `)}`);
    expect(byEmail.body.items).toEqual([
      expect.objectContaining({
        type: 'USER',
        userId: user.userId,
        status: 'ACTIVE',
        accessLevel: 'CREATE_AND_VIEW',
        partner: expect.objectContaining({ partnerId: b.partnerId, bin: b.bin }),
      }),
    ]);
    // Masked as in every other view, by the one helper: first letter and domain; operator code and last two digits.
    expect(byEmail.body.items[0].emailMasked).toBe(`${user.login[0]}***@example.kz`);
    expect(byEmail.body.items[0].phoneMasked).toBe(`+7 701 *** ** ${user.phone.slice(-2)}`);

    const d = user.phone.slice(2); // 701xxxxxxx
    const spelled = `8 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`;
    const byPhone = await lookup(`phone=${encodeURIComponent(spelled)}`);
    expect(byPhone.body.items.map((i: { userId?: string }) => i.userId)).toEqual([user.userId]);

    // One page at a time, newest first.
    const first = await lookup(`bin=${b.bin}&limit=1`);
    expect(first.body.items).toHaveLength(1);
    const second = await lookup(`bin=${b.bin}&limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0]).not.toEqual(first.body.items[0]);

    expect((await lookup(`email=nobody-${Date.now()}@example.kz`)).body).toEqual({ items: [], nextCursor: null });
  });

  it('records every look-up in the audit trail: the named operator and the key searched by, never the value', async () => {
    const requestId = `desk-lookup-${Date.now()}`;
    const phone = b.users[0]!.phone;
    expect((await lookup(`phone=${encodeURIComponent(phone)}`, { ...h.operator, 'x-request-id': requestId })).status).toBe(200);
    const [record] = await waitForAudit(pg, 'the look-up', 'request_id = $1', [requestId]);
    expect(record).toMatchObject({ actor_type: 'OPERATOR', action: 'GET /v1/operator/lookup', outcome: 'SUCCESS' });
    expect(record!.actor_id).toMatch(/^operator:/);
    expect(record!.details).toMatchObject({ status: 200, searchedBy: ['phone'] });
    expect(JSON.stringify(record)).not.toContain(phone.replace(/\D/g, '').slice(-7));
    // A refused look-up (no operator) is recorded too, as anonymous.
    const refusedId = `desk-lookup-refused-${Date.now()}`;
    expect((await lookup(`bin=${b.bin}`, { 'x-request-id': refusedId })).status).toBe(401);
    const [refused] = await waitForAudit(pg, 'the refused look-up', 'request_id = $1', [refusedId]);
    expect(refused).toMatchObject({ actor_type: 'ANONYMOUS', outcome: 'DENIED' });
  });

  it('refuses a look-up without exactly one valid key (400, one message per field), and to anyone but an operator (401)', async () => {
    const none = await lookup('');
    expect(none.status).toBe(400);
    expect(none.body.errors).toEqual([{ path: 'bin', message: 'give one of bin, email or phone' }]);
    const two = await lookup(`bin=${b.bin}&email=${encodeURIComponent(b.users[0]!.login)}`);
    expect(two.status).toBe(400);
    expect(two.body.errors).toEqual([expect.objectContaining({ path: 'email' })]);
    const bad = await lookup('phone=12345');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.every((e: { path: string }) => e.path === 'phone')).toBe(true);
    expect((await lookup(`bin=${b.bin}`, {})).status).toBe(401);
    expect((await lookup(`bin=${b.bin}`, bearer(director.session))).status).toBe(401);
  });

  it('records an operator’s block under the partner acted on and the operator’s name; the partner filter shows it', async () => {
    const target = b.users[1]!;
    const blocked = await call(
      h,
      'POST',
      `/v1/operator/users/${target.userId}/block`,
      { reason: 'Suspected fraud' },
      { ...desk2, 'x-request-id': `desk-block-${target.userId.slice(0, 8)}` },
    );
    expect(blocked).toMatchObject({ status: 200, body: { status: 'BLOCKED' } });
    const [edge] = await waitForAudit(pg, 'the block call', 'request_id = $1 AND action LIKE $2', [`desk-block-${target.userId.slice(0, 8)}`, 'POST %']);
    expect(edge).toMatchObject({
      actor_type: 'OPERATOR',
      actor_id: 'operator:desk-2',
      partner_id: b.partnerId,
      action: 'POST /v1/operator/users/:userId/block',
      outcome: 'SUCCESS',
    });

    const trail = await call(h, 'GET', `/v1/operator/audit?partnerId=${b.partnerId}&limit=200`, undefined, h.operator);
    expect(trail.status).toBe(200);
    const mine = trail.body.items.filter((r: { requestId: string | null }) => r.requestId === `desk-block-${target.userId.slice(0, 8)}`);
    expect(mine.map((r: { action: string }) => r.action).sort()).toEqual(['POST /v1/operator/users/:userId/block', 'user.block']);
    for (const r of mine) expect(r).toMatchObject({ partnerId: b.partnerId, actor: { type: 'OPERATOR', id: 'operator:desk-2' } });

    // A refused call names the partner it tried to act on too.
    const again = await call(
      h,
      'POST',
      `/v1/operator/users/${target.userId}/block`,
      { reason: 'Twice' },
      { ...h.operator, 'x-request-id': `desk-block2-${target.userId.slice(0, 8)}` },
    );
    expect(again.status).toBe(409);
    const [refused] = await waitForAudit(pg, 'the refused block', 'request_id = $1', [`desk-block2-${target.userId.slice(0, 8)}`]);
    expect(refused).toMatchObject({ actor_id: 'operator:desk-1', partner_id: b.partnerId, outcome: 'FAILURE' });

    // Recording the application (no id in the path) names the partner of the BIN it carried.
    const [created] = await waitForAudit(pg, 'the application record', "action = 'POST /v1/operator/applications' AND partner_id = $1", [b.partnerId]);
    expect(created).toMatchObject({ actor_id: 'operator:desk-1', outcome: 'SUCCESS' });
  });

  it('PHONE_IN_USE names the holder for the operator, never for the creator; a rejection is mailed to the creator', async () => {
    const holder = b.users[0]!;
    const sub = { ...newUser('desk-phone'), fullName: 'Данияр Сериков', phone: holder.phone };
    const { requestId, code } = await createWithCode(h, mail, director, sub);
    // The code SMS names the user it adds, so the creator sees what they confirm.
    const sms = await mail.waitForMatching(`${director.phone.replace(/\D/g, '')}@sms.localhost`, new RegExp(code));
    expect(sms[0]!.text).toContain('Данияр Сериков');
    expect((await confirm(h, director.session, requestId, code)).status).toBe(202);

    const waiting = await waitForStatus(h, director.session, requestId, 'AWAITING_OPERATOR');
    expect(waiting.reviewFlags).toEqual(['BANK_REVIEW']);
    const creatorView = JSON.stringify((await requestOf(h, director.session, requestId)).body);
    expect(creatorView).not.toContain(holder.userId);
    expect(creatorView).not.toContain('PHONE_IN_USE');
    expect(creatorView).not.toContain('Test User 0');

    const queued = await eventually('the request in the queue', async () => {
      const res = await call(h, 'GET', `/v1/operator/sub-user-requests?status=AWAITING_OPERATOR&partnerId=${a.partnerId}`, undefined, h.operator);
      return res.body.items.find((r: { requestId: string }) => r.requestId === requestId);
    });
    expect(queued).toMatchObject({
      reviewFlags: ['PHONE_IN_USE'],
      phoneHolders: [{ userId: holder.userId, fullName: 'Test User 0', status: 'ACTIVE', partner: { partnerId: b.partnerId, bin: b.bin } }],
    });
    expect(Date.parse(queued.operatorDecisionDeadline)).toBe(Date.parse(waiting.operatorDecisionDeadline));

    const rejected = await call(h, 'POST', `/v1/operator/sub-user-requests/${requestId}/reject`, { reason: 'Телефон принадлежит другому клиенту' }, h.operator);
    expect(rejected).toMatchObject({ status: 200, body: { status: 'REJECTED' } });
    const [decision] = await waitForAudit(pg, 'the reject call', "action = 'POST /v1/operator/sub-user-requests/:id/reject' AND target_id = $1", [
      `id=${requestId}`,
    ]);
    expect(decision).toMatchObject({ actor_id: 'operator:desk-1', partner_id: a.partnerId });
    const [notice] = await mail.waitForMatching(director.login, /Данияр Сериков/);
    expect(notice!.subject).toBe('Банк пайдаланушыны қосу сұранысын қабылдамады');
    expect(notice!.text).toContain('ТОО «Тест» ұйымының бизнес-кабинетіне Данияр Сериков пайдаланушысын қосу');
    expect(notice!.text).toContain('Себебі: Телефон принадлежит другому клиенту');
    expect(notice!.text).not.toContain(holder.userId);
  });

  it('e-mails name the organisation and show Almaty time, not UTC', async () => {
    const [invite] = await mail.waitFor(a.users[0]!.login);
    expect(invite!.text).toContain('ұйымыңыздың, ТОО «Тест», өтінішіне');
    expect(invite!.text).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(Алматы\) дейін/);
    expect(invite!.text).not.toContain('UTC');
  });
});

import { kzIban } from '../support/fixtures';
import { call, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { cabinet, confirm, documentBody, expectStatus, setPolicy, submitted, type Cabinet } from './support';

/** Drafts: validation, numbering, Idempotency-Key, editing, returning, cancelling, listing (§1.2.2). */
describe('payment documents', () => {
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

  const create = (body: unknown, headers: Record<string, string> = {}, user = c.users[2]!) => call(h, 'POST', '/v1/payments', body, { ...user.auth, ...headers });

  it('every kind of bad field is a 400 naming that field, never a 500', async () => {
    const bad = await create({
      debitIban: 'KZ00125KZT5004100100',
      amount: 1500.5,
      beneficiary: { name: '', binIin: '123456789012', iban: 'KZ12', bic: 'BANK1', kbe: '30' },
      knp: 'ABC',
      purpose: 'x'.repeat(421),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('REQUEST.INVALID');
    const fields = new Set(bad.body.errors.map((e: { path: string }) => e.path));
    expect([...fields].sort()).toEqual(
      ['amount', 'beneficiary.bic', 'beneficiary.binIin', 'beneficiary.iban', 'beneficiary.kbe', 'beneficiary.name', 'debitIban', 'knp', 'purpose'].sort(),
    );
    for (const amount of ['0', '-5', '1.001', '1e6', '1,50', 'abc', '']) {
      const res = await create({ ...documentBody(c), amount });
      expect({ amount, status: res.status, paths: res.body.errors?.map((e: { path: string }) => e.path) }).toMatchObject({ amount, status: 400, paths: ['amount'] });
    }
    const missing = await create({});
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['amount', 'beneficiary', 'debitIban', 'knp', 'purpose']);
    expect((await create({ ...documentBody(c), extra: true })).status).toBe(400);
    expect((await create('not json', { 'content-type': 'application/json' })).status).toBe(400);
    const self = documentBody(c);
    const selfPay = await create({ ...self, beneficiary: { ...self.beneficiary, iban: self.debitIban } });
    expect(selfPay.body.errors).toEqual([{ path: 'beneficiary.iban', message: expect.any(String) }]);
    const notOurs = await create({ ...documentBody(c), debitIban: kzIban() });
    expect(notOurs).toMatchObject({ status: 422, body: { code: 'PAYMENT.DEBIT_ACCOUNT_NOT_OWN', field: 'debitIban' } });
    const patch = await call(h, 'PATCH', `/v1/payments/${crypto.randomUUID()}`, { amount: '0' }, c.users[0]!.auth);
    expect(patch.status).toBe(400);
    expect((await call(h, 'GET', '/v1/payments/not-a-uuid', undefined, c.users[0]!.auth)).status).toBe(400);
  });

  it('numbers are per partner and gap-free, also under concurrent creation', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => create(documentBody(c))));
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
    const numbers = results.map((r) => r.body.number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));
    const other = await cabinet(h, mail, ['CREATE_AND_VIEW']);
    const first = await call(h, 'POST', '/v1/payments', documentBody(other), other.users[0]!.auth);
    expect(first.body.number).toBe(1);
  });

  it('Idempotency-Key: the same body gets the first answer, another body 422; concurrent clicks make one document', async () => {
    const body = documentBody(c);
    const key = { 'idempotency-key': crypto.randomUUID() };
    const first = await create(body, key);
    const again = await create(body, key);
    expect(first.status).toBe(201);
    expect(again).toMatchObject({ status: 201, body: first.body });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const changed = await create({ ...body, amount: '1.00' }, key);
    expect(changed).toMatchObject({ status: 422, body: { code: 'IDEMPOTENCY.KEY_REUSED' } });
    // Keys belong to their user: another user's identical key is a new request.
    const otherUser = await create(body, key, c.users[0]!);
    expect(otherUser.status).toBe(201);
    expect(otherUser.body.id).not.toBe(first.body.id);

    const clickKey = { 'idempotency-key': crypto.randomUUID() };
    const clicks = await Promise.all(Array.from({ length: 5 }, () => create(body, clickKey)));
    expect(clicks.map((r) => r.status)).toEqual(Array(5).fill(201));
    expect(new Set(clicks.map((r) => r.body.id)).size).toBe(1);

    // A refused request releases its key: fixed, it goes through.
    const fixKey = { 'idempotency-key': crypto.randomUUID() };
    expect((await create({ ...body, amount: '0' }, fixKey)).status).toBe(400);
    expect((await create({ ...body, amount: '2.00' }, fixKey)).status).toBe(201);
    expect((await create(body, { 'idempotency-key': 'bad key with spaces' })).status).toBe(400);

    // The operator's application endpoint honours keys too.
    const app = (await import('../support/fixtures')).application();
    const opKey = { ...h.operator, 'idempotency-key': crypto.randomUUID() };
    const a1 = await call(h, 'POST', '/v1/operator/applications', app, opKey);
    const a2 = await call(h, 'POST', '/v1/operator/applications', app, opKey);
    expect(a1.status).toBe(201);
    expect(a2).toMatchObject({ status: 201, body: a1.body });
  });

  it('a draft is edited in place; an edit of a submitted document takes it back to draft and voids the confirmations', async () => {
    const [dir1, dir2, clerk] = c.users;
    const created = await create(documentBody(c, '100.00'));
    const id = created.body.id;
    const edited = await call(h, 'PATCH', `/v1/payments/${id}`, { amount: '250.75', beneficiary: { name: 'ИП Новый' } }, clerk!.auth);
    expect(edited).toMatchObject({ status: 200, body: { id, status: 'DRAFT', version: 2 } });
    const read = await call(h, 'GET', `/v1/payments/${id}`, undefined, clerk!.auth);
    expect(read.body).toMatchObject({ amount: '250.75', version: 2, beneficiary: { name: 'ИП Новый', bic: 'CASPKZKA' } });

    await setPolicy(h, mail, dir1!, { rules: [{ minAmount: '0', requiredConfirmations: 2 }] });
    expectStatus(await call(h, 'POST', `/v1/payments/${id}/submit`, undefined, clerk!.auth), 200);
    expect(await confirm(h, mail, dir1!, id)).toMatchObject({ status: 'PARTIALLY_CONFIRMED', confirmations: 1 });
    const reEdited = await call(h, 'PATCH', `/v1/payments/${id}`, { purpose: 'Исправленное назначение' }, clerk!.auth);
    expect(reEdited).toMatchObject({ status: 200, body: { status: 'DRAFT', version: 4 } });
    const after = await call(h, 'GET', `/v1/payments/${id}`, undefined, clerk!.auth);
    expect(after.body).toMatchObject({ status: 'DRAFT', purpose: 'Исправленное назначение', confirmations: [], requiredConfirmations: null });
    const types = after.body.timeline.map((e: { type: string }) => e.type);
    expect(types.slice(-2)).toEqual(['RETURNED', 'EDITED']);

    // Resubmitted, the same workflow takes it; dir1 may confirm the new version.
    expectStatus(await call(h, 'POST', `/v1/payments/${id}/submit`, undefined, clerk!.auth), 200);
    expect(await confirm(h, mail, dir1!, id)).toMatchObject({ status: 'PARTIALLY_CONFIRMED', confirmations: 1 });
    expect(await confirm(h, mail, dir2!, id)).toMatchObject({ status: 'SENT_TO_BANK', confirmations: 2 });
    const late = await call(h, 'PATCH', `/v1/payments/${id}`, { purpose: 'too late' }, clerk!.auth);
    expect(late.status).toBe(409);
  });

  it('return needs a reason; cancel ends the document; a cancelled one refuses everything', async () => {
    const [dir1, , clerk] = c.users;
    const id = await submitted(h, c, clerk);
    expect((await call(h, 'POST', `/v1/payments/${id}/return`, { reason: '  ' }, dir1!.auth)).status).toBe(400);
    const back = await call(h, 'POST', `/v1/payments/${id}/return`, { reason: 'Неверный КНП' }, dir1!.auth);
    expect(back).toMatchObject({ status: 200, body: { status: 'DRAFT' } });
    const again = await call(h, 'POST', `/v1/payments/${id}/return`, { reason: 'twice' }, dir1!.auth);
    // The refusal speaks the API's words: its status and the call's action, never the machine's event or state names.
    expect(again).toMatchObject({
      status: 409,
      body: { code: 'PAYMENT.TRANSITION_NOT_ALLOWED', detail: 'Cannot return the payment in status DRAFT.', state: 'DRAFT', action: 'return the payment' },
    });
    expect(again.body).not.toHaveProperty('event');
    const cancelled = await call(h, 'POST', `/v1/payments/${id}/cancel`, undefined, clerk!.auth);
    expect(cancelled).toMatchObject({ status: 200, body: { status: 'CANCELLED' } });
    for (const path of ['submit', 'cancel', 'confirmations']) {
      expect((await call(h, 'POST', `/v1/payments/${id}/${path}`, undefined, dir1!.auth)).status).toBe(409);
    }
    expect((await call(h, 'PATCH', `/v1/payments/${id}`, { purpose: 'x' }, dir1!.auth)).status).toBe(409);

    const draft = await create(documentBody(c));
    const drop = await call(h, 'POST', `/v1/payments/${draft.body.id}/cancel`, undefined, clerk!.auth);
    expect(drop).toMatchObject({ status: 200, body: { status: 'CANCELLED' } });
    const timeline = (await call(h, 'GET', `/v1/payments/${draft.body.id}`, undefined, clerk!.auth)).body.timeline;
    expect(timeline.map((e: { type: string; actor: { userId: string } }) => [e.type, e.actor.userId])).toEqual([
      ['CREATED', clerk!.userId],
      ['CANCELLED', clerk!.userId],
    ]);
  });

  it('lists the partner’s documents newest first, by status and period, page by page', async () => {
    const other = await cabinet(h, mail, ['CREATE_AND_VIEW']);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await call(h, 'POST', '/v1/payments', documentBody(other), other.users[0]!.auth)).body.id);
    await call(h, 'POST', `/v1/payments/${ids[0]}/cancel`, undefined, other.users[0]!.auth);
    const auth = other.users[0]!.auth;
    const page1 = await call(h, 'GET', '/v1/payments?limit=2', undefined, auth);
    const page2 = await call(h, 'GET', `/v1/payments?limit=2&cursor=${page1.body.nextCursor}`, undefined, auth);
    const page3 = await call(h, 'GET', `/v1/payments?limit=2&cursor=${page2.body.nextCursor}`, undefined, auth);
    const seen = [...page1.body.items, ...page2.body.items, ...page3.body.items].map((p: { id: string }) => p.id);
    expect(seen).toEqual([...ids].reverse());
    expect(page3.body.nextCursor).toBeNull();
    const drafts = await call(h, 'GET', '/v1/payments?status=DRAFT', undefined, auth);
    expect(drafts.body.items).toHaveLength(4);
    const today = new Date().toISOString().slice(0, 10);
    expect((await call(h, 'GET', `/v1/payments?from=${today}&to=${today}`, undefined, auth)).body.items).toHaveLength(5);
    expect((await call(h, 'GET', '/v1/payments?to=2000-01-01', undefined, auth)).body.items).toHaveLength(0);
    for (const bad of ['status=PAID', 'from=yesterday', 'cursor=!!', 'limit=0', 'cursor=abc']) {
      expect({ bad, status: (await call(h, 'GET', `/v1/payments?${bad}`, undefined, auth)).status }).toEqual({ bad, status: 400 });
    }
  });
});

import { Client } from 'pg';
import { call, eventually, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { bearer, login, registerPartner, type RegisteredPartner } from '../support/users';
import { waitForAudit } from './support';

/** GET /v1/audit for a partner's full-access users, GET /v1/operator/audit for the bank (§1.15). */
describe('audit trail: who reads what', () => {
  let h: Harness;
  const mail = new MailCatcher();
  const pg = new Client({ connectionString: process.env.DATABASE_URL });
  let a: RegisteredPartner;
  let b: RegisteredPartner;
  let fullA: string;
  let viewerA: string;
  let fullB: string;

  beforeAll(async () => {
    h = await startHarness();
    await pg.connect();
    [a, b] = await Promise.all([
      registerPartner(h, mail, [{ accessLevel: 'FULL_ACCESS' }, { accessLevel: 'CREATE_AND_VIEW' }]),
      registerPartner(h, mail, [{ accessLevel: 'FULL_ACCESS' }]),
    ]);
    fullA = await login(h, a.users[0]!.login, a.users[0]!.password);
    viewerA = await login(h, a.users[1]!.login, a.users[1]!.password);
    fullB = await login(h, b.users[0]!.login, b.users[0]!.password);
    // A cabinet call of each full-access user (a second session, ended), on record with user and partner.
    for (const [partner, user] of [
      [a, a.users[0]!],
      [b, b.users[0]!],
    ] as const) {
      const spare = await login(h, user.login, user.password);
      expect((await call(h, 'POST', '/v1/auth/logout', undefined, bearer(spare))).status).toBe(204);
      await waitForAudit(pg, `the logout of ${user.login}`, "action = 'POST /v1/auth/logout' AND actor_id = $1 AND partner_id = $2", [
        user.userId,
        partner.partnerId,
      ]);
    }
  });
  afterAll(async () => {
    await h.close();
    await pg.end();
  });

  const audit = (session: string, query = '') => call(h, 'GET', `/v1/audit${query}`, undefined, bearer(session));

  it("shows a full-access user their own partner's trail and nothing of another partner's", async () => {
    const page = await audit(fullA, '?limit=200');
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBeGreaterThan(0);
    expect(page.body.items.every((r: { partnerId: string }) => r.partnerId === a.partnerId)).toBe(true);
    expect(JSON.stringify(page.body)).not.toContain(b.users[0]!.userId);
    const ownTransitions = page.body.items.filter((r: { action: string }) => r.action === 'workflow.transition');
    expect(ownTransitions.length).toBeGreaterThan(0);

    // Filtering by another partner's user finds nothing, rather than revealing anything.
    const foreign = await audit(fullA, `?userId=${b.users[0]!.userId}`);
    expect(foreign).toMatchObject({ status: 200, body: { items: [], nextCursor: null } });
    const bPage = await audit(fullB, '?limit=200');
    expect(bPage.body.items.every((r: { partnerId: string }) => r.partnerId === b.partnerId)).toBe(true);
  });

  it('is refused to a create-and-view user (403), without a session (401), and to an operator token (401)', async () => {
    const viewer = await audit(viewerA);
    expect(viewer.status).toBe(403);
    expect(viewer.body.code).toBe('ACCESS.FORBIDDEN');
    expect((await call(h, 'GET', '/v1/audit')).status).toBe(401);
    expect((await call(h, 'GET', '/v1/audit', undefined, h.operator)).status).toBe(401);
    expect((await call(h, 'GET', '/v1/operator/audit', undefined, bearer(fullA))).status).toBe(401);
  });

  it('filters by user and action, pages newest first by cursor, and masks what a partner does not need', async () => {
    const mine = await audit(fullA, `?userId=${a.users[0]!.userId}&action=${encodeURIComponent('POST /v1/auth/logout')}`);
    expect(mine.body.items.length).toBe(1);
    for (const item of mine.body.items) {
      expect(item).toMatchObject({ actor: { type: 'USER', id: a.users[0]!.userId }, action: 'POST /v1/auth/logout', outcome: 'SUCCESS' });
      expect(item.clientAddress).toMatch(/\*$/);
    }
    const prefix = await audit(fullA, '?action=workflow.*');
    expect(prefix.body.items.length).toBeGreaterThan(0);
    expect(prefix.body.items.every((r: { action: string }) => r.action.startsWith('workflow.'))).toBe(true);

    // Partner A's workflows may still be appending transitions while we page, so the
    // pages are compared with a snapshot of the trail up to its newest record, and
    // paging starts just above that record. Records are appended under one lock
    // (AuditService), so nothing can later appear below an id already visible:
    // the snapshot and the pages must match exactly.
    const snapshot = (await audit(fullA, '?limit=200')).body;
    expect(snapshot.nextCursor).toBeNull();
    const all: string[] = snapshot.items.map((r: { id: string }) => r.id);
    expect(all.length).toBeGreaterThan(3);
    const seen: string[] = [];
    let cursor: string | null = String(BigInt(all[0]!) + 1n);
    for (let pageNo = 0; pageNo < 100 && cursor; pageNo++) {
      const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await audit(fullA, `?limit=3&cursor=${cursor}`);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.items.map((r) => r.id));
      cursor = res.body.nextCursor;
    }
    expect(cursor).toBeNull();
    expect(seen).toEqual(all);
    expect([...seen].sort((x, y) => Number(BigInt(y) - BigInt(x)))).toEqual(seen);

    const past = await audit(fullA, '?to=2020-01-01');
    expect(past.body.items).toEqual([]);
    const bad = await audit(fullA, '?from=2026-02-01&to=2026-01-01&cursor=abc&nope=1');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(expect.arrayContaining(['cursor']));
  });

  it('gives operators any partner, by time window, unmasked', async () => {
    const since = new Date(Date.now() - 3600_000).toISOString();
    const res = await call(h, 'GET', `/v1/operator/audit?partnerId=${b.partnerId}&from=${since}&limit=200`, undefined, h.operator);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((r: { partnerId: string }) => r.partnerId === b.partnerId)).toBe(true);
    const logout = res.body.items.find((r: { action: string }) => r.action === 'POST /v1/auth/logout');
    expect(logout).toMatchObject({ actor: { type: 'USER', id: b.users[0]!.userId }, clientAddress: expect.stringMatching(/127\.0\.0\.1$/) });
    // The operator's own calls are on record under its id.
    const operatorCalls = await eventually('operator records', async () => {
      const page = await call(h, 'GET', '/v1/operator/audit?action=POST%20/v1/operator/applications', undefined, h.operator);
      return page.body.items.length ? page.body.items : undefined;
    });
    expect(operatorCalls[0].actor).toEqual({ type: 'OPERATOR', id: 'operator:desk-1' });
    expect((await call(h, 'GET', '/v1/operator/audit?partnerId=nope', undefined, h.operator)).status).toBe(400);
  });
});

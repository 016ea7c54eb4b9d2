import { call, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { cabinet, confirm, expectStatus, requestCode, statusBecomes, submitted, verify, type Cabinet } from './support';

const CONFIRMATION_TTL_MS = 5_000;
const HOLD_TTL_MS = 6_000;

/** Expiry of unconfirmed documents, and the bank's compliance hold of large ones (§2.4), with short lifetimes. */
describe('payment expiry and compliance hold', () => {
  let h: Harness;
  let c: Cabinet;
  const mail = new MailCatcher();

  beforeAll(async () => {
    h = await startHarness({
      PAYMENT_CONFIRMATION_TTL_MS: String(CONFIRMATION_TTL_MS),
      COMPLIANCE_HOLD_THRESHOLD: '1000.00',
      COMPLIANCE_HOLD_TTL_MS: String(HOLD_TTL_MS),
    });
    c = await cabinet(h, mail, ['FULL_ACCESS']);
  });
  afterAll(async () => {
    await h.close();
  });

  const held = async (amount = '5000.00') => {
    const [director] = c.users;
    const id = await submitted(h, c, director, amount);
    expect(await confirm(h, mail, director!, id)).toMatchObject({ status: 'SENT_TO_BANK' });
    const queue = async () => (await call(h, 'GET', '/v1/operator/payments?status=ON_HOLD&limit=100', undefined, h.operator)).body.items;
    for (let i = 0; i < 100 && !(await queue()).some((p: { id: string }) => p.id === id); i++) await new Promise((r) => setTimeout(r, 100));
    return id;
  };

  it('an unconfirmed document expires by the workflow timer; its codes die with it', async () => {
    const [director] = c.users;
    const id = await submitted(h, c, director);
    const { challengeId, code } = await requestCode(h, mail, director!, id);
    const read = await call(h, 'GET', `/v1/payments/${id}`, undefined, director!.auth);
    expect(Date.parse(read.body.expiresAt) - Date.parse(read.body.submittedAt)).toBe(CONFIRMATION_TTL_MS);
    const expired = await statusBecomes(h, director!, id, 'EXPIRED', 20_000);
    expect(expired.timeline.at(-1)).toMatchObject({ type: 'EXPIRED', actor: { type: 'SYSTEM' } });
    expect((await verify(h, director!, id, challengeId, code)).status).toBe(409);
  });

  it('a payment above the threshold waits for the operator; execute sends it on', async () => {
    const [director] = c.users;
    const id = await held();
    const op = await call(h, 'GET', `/v1/operator/payments/${id}`, undefined, h.operator);
    expect(op.body).toMatchObject({ status: 'SENT_TO_BANK', hold: { status: 'ON_HOLD', deadline: expect.any(String) } });
    expect(op.body.timeline.map((e: { type: string }) => e.type)).toContain('HELD');
    // The partner sees the document with the bank, not the review.
    const cabinetView = await call(h, 'GET', `/v1/payments/${id}`, undefined, director!.auth);
    expect(cabinetView.body).toMatchObject({ status: 'SENT_TO_BANK' });
    expect(cabinetView.body).not.toHaveProperty('hold');
    expect(cabinetView.body.timeline.map((e: { type: string }) => e.type)).not.toContain('HELD');

    const executed = await call(h, 'POST', `/v1/operator/payments/${id}/execute`, undefined, h.operator);
    expect(executed).toMatchObject({ status: 200, body: { status: 'SENT_TO_BANK', hold: 'RELEASED' } });
    const again = await call(h, 'POST', `/v1/operator/payments/${id}/refuse`, { reason: 'late' }, h.operator);
    expect(again).toMatchObject({ status: 409, body: { code: 'PAYMENT.NOT_ON_HOLD' } });
    await statusBecomes(h, director!, id, 'EXECUTED');
  });

  it('refused by the operator with a reason the partner reads', async () => {
    const [director] = c.users;
    const id = await held();
    expect((await call(h, 'POST', `/v1/operator/payments/${id}/refuse`, { reason: '' }, h.operator)).status).toBe(400);
    const refused = await call(h, 'POST', `/v1/operator/payments/${id}/refuse`, { reason: 'Документы по сделке не представлены' }, h.operator);
    expect(refused).toMatchObject({ status: 200, body: { hold: 'REFUSED' } });
    const done = await statusBecomes(h, director!, id, 'REFUSED');
    expect(done.refusal).toEqual({ code: 'COMPLIANCE.REFUSED', reason: 'Документы по сделке не представлены' });
    expect(done.timeline.at(-1)).toMatchObject({ type: 'REFUSED', actor: { type: 'BANK' } });
    expect(done.executedAt).toBeNull();
  });

  it('refused when no decision comes by the deadline; small payments are never held', async () => {
    const [director] = c.users;
    const id = await held();
    const done = await statusBecomes(h, director!, id, 'REFUSED', HOLD_TTL_MS + 20_000);
    expect(done.refusal).toMatchObject({ code: 'COMPLIANCE.DEADLINE_PASSED' });
    expect((await call(h, 'POST', `/v1/operator/payments/${id}/execute`, undefined, h.operator)).status).toBe(409);

    const small = await submitted(h, c, director, '1000.00'); // the threshold itself is not above it
    expect(await confirm(h, mail, director!, small)).toMatchObject({ status: 'SENT_TO_BANK' });
    await statusBecomes(h, director!, small, 'EXECUTED');
    const op = await call(h, 'GET', `/v1/operator/payments/${small}`, undefined, h.operator);
    expect(op.body.hold).toBeNull();
    expectStatus(await call(h, 'GET', '/v1/operator/payments?status=EXECUTED', undefined, h.operator), 200);
    expect((await call(h, 'POST', `/v1/operator/payments/${crypto.randomUUID()}/execute`, undefined, h.operator)).status).toBe(404);
    expect((await call(h, 'GET', '/v1/operator/payments', undefined, director!.auth)).status).toBe(401);
  });
});

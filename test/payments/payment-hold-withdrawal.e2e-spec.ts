import { createPrisma } from '@infra/prisma/prisma.service';
import { call, eventually, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { cabinet, confirm, setPolicy, statusBecomes, submitted, type Cabinet } from './support';

const CONFIRMATION_TTL_MS = 600_000;
type User = Cabinet['users'][number];
type TimelineEntry = { type: string; details: Record<string, unknown> };

/**
 * §1.14 during the bank's compliance hold (§2.4): a confirmer blocked before core banking has
 * the document loses their confirmation, the hold is discarded and the document goes back to
 * its confirmers; nothing reaches the ledger until a new full confirmation passes a new review.
 */
describe('a confirmer blocked while the payment is on compliance hold', () => {
  let h: Harness;
  const mail = new MailCatcher();
  const db = createPrisma(process.env.DATABASE_URL!);

  beforeAll(async () => {
    h = await startHarness({ PAYMENT_CONFIRMATION_TTL_MS: String(CONFIRMATION_TTL_MS), COMPLIANCE_HOLD_THRESHOLD: '1000.00' });
  });
  afterAll(async () => {
    await h.close();
    await db.$disconnect();
  });

  const operatorView = async (id: string) => (await call(h, 'GET', `/v1/operator/payments/${id}`, undefined, h.operator)).body;
  /** Waits for the operator to see an open review; returns the operator's view. */
  const onHold = (id: string) =>
    eventually(`payment ${id} on hold`, async () => {
      const view = await operatorView(id);
      return view.hold?.status === 'ON_HOLD' ? view : undefined;
    });
  const block = async (user: User) => {
    const res = await call(h, 'POST', `/v1/operator/users/${user.userId}/block`, { reason: 'compromised phone' }, h.operator);
    expect(res).toMatchObject({ status: 200, body: { status: 'BLOCKED' } });
  };
  const types = (timeline: TimelineEntry[]) => timeline.map((e) => e.type);
  const postings = (id: string) => db.ledgerPosting.count({ where: { paymentId: id } });

  it('two confirmations: back to PARTIALLY_CONFIRMED, the old review is gone, a new one executes', async () => {
    const c = await cabinet(h, mail, ['FULL_ACCESS', 'FULL_ACCESS', 'FULL_ACCESS']);
    const [dir1, dir2, dir3] = c.users;
    await setPolicy(h, mail, dir1!, { rules: [{ minAmount: '0', requiredConfirmations: 2 }] });
    const id = await submitted(h, c, dir1, '5000.00');
    expect(await confirm(h, mail, dir2!, id)).toMatchObject({ status: 'PARTIALLY_CONFIRMED' });
    expect(await confirm(h, mail, dir3!, id)).toMatchObject({ status: 'SENT_TO_BANK', confirmations: 2 });
    await onHold(id);

    await block(dir2!);
    const back = await statusBecomes(h, dir1!, id, 'PARTIALLY_CONFIRMED');
    expect(back.confirmations.map((x: { userId: string }) => x.userId)).toEqual([dir3!.userId]);
    expect(back.timeline.at(-1)).toMatchObject({ type: 'CONFIRMATION_WITHDRAWN', details: { userId: dir2!.userId, reason: 'USER_BLOCKED' } });
    // The partner never learns of the review (no tipping-off); the confirmers get a fresh lifetime.
    expect(types(back.timeline)).not.toContain('HELD');
    expect(types(back.timeline)).not.toContain('HOLD_DISCARDED');
    expect(Date.parse(back.expiresAt)).toBeGreaterThan(Date.parse(back.submittedAt) + CONFIRMATION_TTL_MS);

    const op = await operatorView(id);
    expect(op).toMatchObject({ status: 'PARTIALLY_CONFIRMED', hold: null });
    expect(types(op.timeline)).toEqual(expect.arrayContaining(['HELD', 'HOLD_DISCARDED']));
    const queue = await call(h, 'GET', '/v1/operator/payments?status=ON_HOLD&limit=100', undefined, h.operator);
    expect(queue.body.items.map((p: { id: string }) => p.id)).not.toContain(id);
    const execute = await call(h, 'POST', `/v1/operator/payments/${id}/execute`, undefined, h.operator);
    expect(execute).toMatchObject({ status: 409, body: { code: 'PAYMENT.NOT_ON_HOLD' } });
    expect(await postings(id)).toBe(0);
    expect((await call(h, 'GET', `/v1/payments/${id}`, undefined, dir1!.auth)).body.status).toBe('PARTIALLY_CONFIRMED');

    // Confirmed again by another director: a new review, which the operator now releases.
    expect(await confirm(h, mail, dir1!, id)).toMatchObject({ status: 'SENT_TO_BANK', confirmations: 2 });
    const again = await onHold(id);
    expect(types(again.timeline).filter((t) => t === 'HELD')).toHaveLength(2);
    expect(await postings(id)).toBe(0);
    const released = await call(h, 'POST', `/v1/operator/payments/${id}/execute`, undefined, h.operator);
    expect(released).toMatchObject({ status: 200, body: { hold: 'RELEASED' } });
    const done = await statusBecomes(h, dir1!, id, 'EXECUTED');
    expect(done.confirmations.map((x: { userId: string }) => x.userId).sort()).toEqual([dir1!.userId, dir3!.userId].sort());
    expect(await postings(id)).toBe(1);
  });

  it('one confirmation: back to AWAITING_CONFIRMATION; the next confirmer is held again', async () => {
    const c = await cabinet(h, mail, ['FULL_ACCESS', 'FULL_ACCESS']);
    const [dir1, dir2] = c.users;
    const id = await submitted(h, c, dir1, '2000.00');
    expect(await confirm(h, mail, dir2!, id)).toMatchObject({ status: 'SENT_TO_BANK', confirmations: 1, requiredConfirmations: 1 });
    const first = await onHold(id);

    await block(dir2!);
    const back = await statusBecomes(h, dir1!, id, 'AWAITING_CONFIRMATION');
    expect(back.confirmations).toEqual([]);
    const execute = await call(h, 'POST', `/v1/operator/payments/${id}/execute`, undefined, h.operator);
    expect(execute).toMatchObject({ status: 409, body: { code: 'PAYMENT.NOT_ON_HOLD' } });
    expect(await postings(id)).toBe(0);

    expect(await confirm(h, mail, dir1!, id)).toMatchObject({ status: 'SENT_TO_BANK', confirmations: 1 });
    const second = await onHold(id);
    expect(Date.parse(second.hold.deadline)).toBeGreaterThan(Date.parse(first.hold.deadline));
    const refused = await call(h, 'POST', `/v1/operator/payments/${id}/refuse`, { reason: 'Источник средств не подтверждён' }, h.operator);
    expect(refused).toMatchObject({ status: 200, body: { hold: 'REFUSED' } });
    expect((await statusBecomes(h, dir1!, id, 'REFUSED')).refusal).toMatchObject({ code: 'COMPLIANCE.REFUSED' });
    expect(await postings(id)).toBe(0);
  });
});

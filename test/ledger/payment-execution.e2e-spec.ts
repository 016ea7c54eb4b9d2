import { createPrisma } from '@infra/prisma/prisma.service';
import { bin, kzIban } from '../support/fixtures';
import { call, eventually, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { bearer, login, registerPartner, type RegisteredPartner } from '../support/users';

/**
 * A payment from the cabinet to the bank and back, through REST only (§1.13, §2.4–§2.6):
 * the cabinet sees SENT_TO_BANK, then EXECUTED or REFUSED with the bank's reason.
 */
describe('payment execution end to end', () => {
  let h: Harness;
  let partner: RegisteredPartner;
  let session: Record<string, string>;
  const mail = new MailCatcher();
  const db = createPrisma(process.env.DATABASE_URL!);
  const smsAddress = () => `${partner.users[0]!.phone.replace(/\D/g, '')}@sms.localhost`;
  /** The code of the first confirmation SMS after `seen` messages (receipt SMS go to the same phone). */
  const nextCode = (seen: number) =>
    eventually('confirmation code', async () => {
      const fresh = (await mail.to(smsAddress())).sort((a, b) => a.time.localeCompare(b.time)).slice(seen);
      return fresh.map((m) => /\b(\d{6})\b/.exec(m.text)?.[1]).find(Boolean);
    });

  beforeAll(async () => {
    h = await startHarness();
    partner = await registerPartner(h, mail, [{ accessLevel: 'FULL_ACCESS' }]);
    session = bearer(await login(h, partner.users[0]!.login, partner.users[0]!.password));
  });
  afterAll(async () => {
    await h.close();
    await db.$disconnect();
  });

  /** Drafts, submits and confirms a payment with the SMS code, as the cabinet does. */
  async function confirmedPayment(amount: string, beneficiaryIban = kzIban()) {
    const draft = await call(
      h,
      'POST',
      '/v1/payments',
      {
        debitIban: partner.accounts[0],
        amount,
        beneficiary: { name: 'ТОО «Алушы»', binIin: bin(), iban: beneficiaryIban, bic: 'HSBKKZKX', kbe: '17' },
        knp: '710',
        purpose: 'Оплата по счёту №15',
      },
      session,
    );
    expect(draft.status).toBe(201);
    expect((await call(h, 'POST', `/v1/payments/${draft.body.id}/submit`, undefined, session)).status).toBe(200);
    const seen = (await mail.to(smsAddress())).length;
    const challenge = await call(h, 'POST', `/v1/payments/${draft.body.id}/confirmations`, undefined, session);
    expect(challenge.status).toBe(202);
    const code = await nextCode(seen);
    const verified = await call(h, 'POST', `/v1/payments/${draft.body.id}/confirmations/${challenge.body.challengeId}/verify`, { code }, session);
    // Fully confirmed: the cabinet sees the document with the bank before the bank's answer.
    expect(verified).toMatchObject({ status: 200, body: { status: 'SENT_TO_BANK' } });
    return draft.body as { id: string; number: number };
  }

  const finalState = (id: string) =>
    eventually(`payment ${id} final`, async () => {
      const res = await call(h, 'GET', `/v1/payments/${id}`, undefined, session);
      return ['EXECUTED', 'REFUSED'].includes(res.body.status) ? res.body : undefined;
    });

  it('executes a confirmed payment once, even when the worker restarts around execution; balance, statement and receipt follow', async () => {
    const payment = await confirmedPayment('1500.25');
    await h.restartWorker();
    const done = await finalState(payment.id);
    expect(done).toMatchObject({ status: 'EXECUTED', refusal: null, executedAt: expect.any(String) });
    expect(done.timeline.map((e: { type: string }) => e.type)).toContain('EXECUTED');

    const posting = await db.ledgerPosting.findUniqueOrThrow({ where: { paymentId: payment.id }, include: { entries: true } });
    expect(posting.recordedAt.toISOString()).toBe(done.executedAt);
    expect(posting.entries.filter((e) => e.direction === 'DEBIT')).toHaveLength(1);
    const accounts = await call(h, 'GET', '/v1/accounts', undefined, session);
    expect(accounts.body.items[0]).toMatchObject({ iban: partner.accounts[0], balance: '998499.75' });

    const today = new Date().toISOString().slice(0, 10);
    const statement = await call(h, 'GET', `/v1/accounts/${partner.accounts[0]}/statement?from=${today}&to=${today}`, undefined, session);
    expect(statement.body.operations).toContainEqual(expect.objectContaining({ paymentId: payment.id, direction: 'DEBIT', amount: '1500.25' }));
    expect((await call(h, 'POST', `/v1/payments/${payment.id}/receipt`, { channel: 'SMS' }, session)).status).toBe(202);
  });

  it("shows REFUSED with the bank's reason when the funds do not cover the payment, and nothing is posted", async () => {
    const before = await call(h, 'GET', '/v1/accounts', undefined, session);
    const payment = await confirmedPayment('2000000.00');
    const done = await finalState(payment.id);
    expect(done).toMatchObject({ status: 'REFUSED', refusal: { code: 'LEDGER.INSUFFICIENT_FUNDS', reason: expect.stringContaining('Insufficient funds') } });
    expect(await db.ledgerEntry.count({ where: { posting: { paymentId: payment.id } } })).toBe(0);
    expect((await call(h, 'GET', '/v1/accounts', undefined, session)).body).toEqual(before.body);
    expect((await call(h, 'POST', `/v1/payments/${payment.id}/receipt`, { channel: 'EMAIL' }, session)).status).toBe(409);
  });

  it('refuses a payment from an account the operator blocked', async () => {
    const iban = partner.accounts[0]!;
    expect((await call(h, 'POST', `/v1/operator/accounts/${iban}/block`, { reason: 'test' }, h.operator)).status).toBe(200);
    try {
      const payment = await confirmedPayment('10.00');
      expect(await finalState(payment.id)).toMatchObject({ status: 'REFUSED', refusal: { code: 'LEDGER.ACCOUNT_BLOCKED' } });
    } finally {
      await call(h, 'POST', `/v1/operator/accounts/${iban}/unblock`, {}, h.operator);
    }
  });
});

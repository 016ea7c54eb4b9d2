import { randomUUID } from 'node:crypto';
import { createPrisma } from '@infra/prisma/prisma.service';
import { readTestStack } from '../setup/test-stack';
import { call, eventually, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { bearer, login, registerPartner, type RegisteredPartner } from '../support/users';
import { execute, insertPayment } from './support/ledger-fixtures';

interface MailWithAttachments {
  id: string;
  subject: string;
  text: string;
  attachments?: { filename: string; generatedFileName: string; contentType: string }[];
}

/** Every string and every payload's bytes in a workflow history, as one text. */
const historyText = (value: unknown): string => {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(historyText).join('\n');
  if (value && typeof value === 'object') return Object.values(value).map(historyText).join('\n');
  return '';
};

/** The confirming document of an executed payment, by e-mail and SMS (§2.5). */
describe('payment receipts', () => {
  let h: Harness;
  let partner: RegisteredPartner;
  let session: Record<string, string>;
  const mail = new MailCatcher();
  const mailApi = readTestStack().mailApiUrl;
  const db = createPrisma(process.env.DATABASE_URL!);

  beforeAll(async () => {
    h = await startHarness();
    partner = await registerPartner(h, mail, [{ accessLevel: 'CREATE_AND_VIEW' }]);
    session = bearer(await login(h, partner.users[0]!.login, partner.users[0]!.password));
  });
  afterAll(async () => {
    await h.close();
    await db.$disconnect();
  });

  const user = () => partner.users[0]!;
  const payment = (amountTiyn: bigint) => insertPayment(db, { partnerId: partner.partnerId, authorId: user().userId, debitIban: partner.accounts[0]!, amountTiyn });
  const receipt = (id: string, channel: string, headers: Record<string, string> = {}) =>
    call(h, 'POST', `/v1/payments/${id}/receipt`, { channel }, { ...session, ...headers });

  it("e-mails an executed payment's confirming document as a PDF with a plain-text body (audited)", async () => {
    const p = await payment(150_050n);
    const { posting } = await execute(h, db, p.id);
    const res = await receipt(p.id, 'EMAIL');
    expect(res).toMatchObject({ status: 202, body: { channel: 'EMAIL', status: 'ACCEPTED' } });

    const mails = (await mail.waitFor(user().login, 2)) as unknown as MailWithAttachments[];
    const sent = mails.find((m) => m.subject === `№${p.number} төлемнің орындалғанын растау`)!;
    expect(sent.text).toContain('Сомасы: 1500.50 KZT');
    expect(sent.text).toContain(`Банк референсі: ${posting.id}`);
    expect(sent.attachments).toEqual([expect.objectContaining({ filename: `payment-${p.number}.pdf`, contentType: 'application/pdf' })]);
    const file = await fetch(`${mailApi}/api/email/${sent.id}/attachment/${sent.attachments![0]!.generatedFileName}`);
    expect(
      Buffer.from(await file.arrayBuffer())
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');

    const audit = await eventually('receipt audit', async () => {
      const rows = await db.auditRecord.findMany({ where: { targetId: p.id, action: { startsWith: 'payment.receipt' } }, orderBy: { id: 'asc' } });
      return rows.length === 2 ? rows : undefined;
    });
    expect(audit.map((a) => [a.action, a.actorType, a.actorId, a.outcome])).toEqual([
      ['payment.receipt.request', 'USER', user().userId, 'SUCCESS'],
      ['payment.receipt.sent', 'SYSTEM', 'receipts', 'SUCCESS'],
    ]);
  });

  it('sends a short SMS: number, amount, beneficiary and status, never the login', async () => {
    const p = await payment(2_000_000n);
    await execute(h, db, p.id);
    expect((await receipt(p.id, 'SMS')).status).toBe(202);
    const address = `${user().phone.replace(/\D/g, '')}@sms.localhost`;
    const sms = await eventually('receipt SMS', async () => (await mail.to(address)).find((m) => m.text.includes(`№${p.number} `)));
    expect(sms.text.trim()).toBe(`№${p.number} төлем 20000.00 KZT, алушы ТОО «Получатель»: орындалды.`);
    expect(sms.text).not.toContain(user().login);
  });

  it('sends once per Idempotency-Key; the same key with another channel is a 422', async () => {
    const p = await payment(100n);
    await execute(h, db, p.id);
    const key = randomUUID();
    expect((await receipt(p.id, 'SMS', { 'idempotency-key': key })).status).toBe(202);
    expect((await receipt(p.id, 'SMS', { 'idempotency-key': key })).status).toBe(202);
    expect((await receipt(p.id, 'EMAIL', { 'idempotency-key': key })).status).toBe(422);
    expect((await receipt(p.id, 'SMS', { 'idempotency-key': 'bad key!' })).status).toBe(400);
    const address = `${user().phone.replace(/\D/g, '')}@sms.localhost`;
    await eventually('receipt SMS', async () => (await mail.to(address)).find((m) => m.text.includes(`№${p.number} `)));
    // Give a duplicate every chance to arrive before counting.
    const handle = h.temporal.workflow.getHandle(`receipt-${p.id}-${user().userId}-${key}`);
    expect(await handle.result()).toEqual({ status: 'SENT' });
    expect((await mail.to(address)).filter((m) => m.text.includes(`№${p.number} `))).toHaveLength(1);

    // Ids and the channel only: the user's e-mail, phone and name never reach Temporal.
    const described = await handle.describe();
    expect(described.memo).toEqual({ channel: 'SMS' });
    expect(described.searchAttributes).toMatchObject({ Flow: ['receipt'], FlowStatus: ['SENT'], PartnerId: [partner.partnerId], UserId: [user().userId] });
    const history = historyText(await handle.fetchHistory());
    expect(history).toContain(partner.partnerId); // the search attribute's bytes: the dump reads payloads
    for (const personal of [user().login, user().phone, user().phone.replace(/\D/g, '')]) {
      expect(history).not.toContain(personal);
    }
  });

  it('refuses a payment that is not executed with 409, refused ones included', async () => {
    const waiting = await payment(100n);
    const res = await receipt(waiting.id, 'EMAIL');
    expect(res).toMatchObject({ status: 409, body: { code: 'RECEIPT.PAYMENT_NOT_EXECUTED', state: 'SENT_TO_BANK' } });
    const tooBig = await payment(10n ** 14n);
    expect((await execute(h, db, tooBig.id)).outcome.outcome).toBe('REFUSED');
    expect((await receipt(tooBig.id, 'SMS')).status).toBe(409);
  });

  it('sends nothing to a user the bank blocked after the request (§1.14)', async () => {
    const pair = await registerPartner(h, mail, [{}, {}]);
    const p = await insertPayment(db, { partnerId: pair.partnerId, authorId: pair.users[0]!.userId, debitIban: pair.accounts[0]!, amountTiyn: 100n });
    await execute(h, db, p.id);
    const blocked = pair.users[1]!;
    expect((await call(h, 'POST', `/v1/operator/users/${blocked.userId}/block`, { reason: 'test' }, h.operator)).status).toBe(200);
    // As if requested just before the block: the workflow starts, the activity finds the user blocked.
    const handle = await h.temporal.workflow.start('receiptWorkflow', {
      taskQueue: h.env.TEMPORAL_TASK_QUEUE,
      workflowId: `receipt-${p.id}-${blocked.userId}-${randomUUID()}`,
      args: [{ paymentId: p.id, partnerId: pair.partnerId, userId: blocked.userId, channel: 'EMAIL' }],
    });
    expect(await handle.result()).toEqual({ status: 'NOT_SENT' });
    expect((await mail.to(blocked.login)).filter((m) => m.subject.includes(`№${p.number}`))).toEqual([]);
  });

  it("answers 404 for another partner's payment and an unknown one, 400 for a bad channel", async () => {
    const other = await registerPartner(h, mail);
    const theirs = await insertPayment(db, { partnerId: other.partnerId, authorId: other.users[0]!.userId, debitIban: other.accounts[0]!, amountTiyn: 100n });
    await execute(h, db, theirs.id);
    expect(await receipt(theirs.id, 'EMAIL')).toMatchObject({ status: 404, body: { code: 'PAYMENT.NOT_FOUND' } });
    expect((await receipt(randomUUID(), 'EMAIL')).status).toBe(404);
    expect((await receipt(theirs.id, 'FAX')).status).toBe(400);
    expect((await call(h, 'POST', `/v1/payments/${theirs.id}/receipt`, { channel: 'EMAIL' })).status).toBe(401);
  });
});

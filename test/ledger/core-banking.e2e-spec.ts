import { CoreBankingActivitiesImpl } from '../../apps/worker/src/core-banking/core-banking.activities';
import { createPrisma } from '@infra/prisma/prisma.service';
import { kzIban } from '../support/fixtures';
import { call, startHarness, type Harness } from '../support/harness';
import { insertPayment, ledgerInvariants, openPartner } from './support/ledger-fixtures';

/** The core-banking port against the real PostgreSQL ledger (§2.4). */
describe('bank execution: the ledger', () => {
  let h: Harness;
  let bank: CoreBankingActivitiesImpl;
  const db = createPrisma(process.env.DATABASE_URL!);

  beforeAll(async () => {
    h = await startHarness();
    bank = h.worker.app.get(CoreBankingActivitiesImpl);
  });
  afterAll(async () => {
    await h.close();
    await db.$disconnect();
  });

  const balance = async (iban: string) => (await db.account.findUniqueOrThrow({ where: { iban } })).balanceTiyn;
  /**
   * What one CLEARING entry moved, read from the chain of balances (other spec files post to
   * CLEARING at the same time, so its balance before and after this test proves nothing).
   */
  const clearingMoved = async (entryId: bigint) => {
    const entry = await db.ledgerEntry.findUniqueOrThrow({ where: { id: entryId } });
    const previous = await db.ledgerEntry.findFirst({ where: { bankAccountCode: 'CLEARING', id: { lt: entryId } }, orderBy: { id: 'desc' } });
    return entry.balanceAfterTiyn - (previous?.balanceAfterTiyn ?? 0n);
  };

  it('records the opening balance from the application as an opening posting', async () => {
    const p = await openPartner(h, ['1000000.00', undefined]);
    const entries = await db.ledgerEntry.findMany({ where: { accountIban: { in: p.ibans } }, include: { posting: true } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ accountIban: p.ibans[0], direction: 'CREDIT', amountTiyn: 100_000_000n, balanceAfterTiyn: 100_000_000n });
    expect(entries[0]!.posting).toMatchObject({ kind: 'OPENING', outcome: 'EXECUTED', paymentId: null });
    expect(await ledgerInvariants(db)).toEqual({ unbalancedPostings: 0, ledgerSum: 0n, accountsOffLedger: 0 });
  });

  it('executes once when called 20 times at once: one posting, one debit', async () => {
    const p = await openPartner(h);
    const payment = await insertPayment(db, { partnerId: p.partnerId, authorId: p.userIds[0]!, debitIban: p.ibans[0]!, amountTiyn: 15_000_000n });
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => bank.executePayment({ paymentId: payment.id })));
    expect(new Set(outcomes.map((o) => JSON.stringify(o))).size).toBe(1);
    expect(outcomes[0]).toEqual({ outcome: 'EXECUTED', executedAt: expect.any(String) });
    const posting = await db.ledgerPosting.findUniqueOrThrow({ where: { paymentId: payment.id }, include: { entries: { orderBy: { id: 'asc' } } } });
    expect(posting.recordedAt.toISOString()).toBe((outcomes[0] as { executedAt: string }).executedAt);
    expect(posting.entries.map((e) => [e.accountIban ?? e.bankAccountCode, e.direction, e.amountTiyn])).toEqual([
      [p.ibans[0], 'DEBIT', 15_000_000n],
      ['CLEARING', 'CREDIT', 15_000_000n],
    ]);
    expect(await balance(p.ibans[0]!)).toBe(85_000_000n);
    expect(await clearingMoved(posting.entries.find((e) => e.bankAccountCode === 'CLEARING')!.id)).toBe(15_000_000n);
    const audit = await db.auditRecord.findMany({ where: { action: 'payment.execute', targetId: payment.id } });
    expect(audit.map((a) => [a.actorType, a.outcome, a.partnerId, a.details])).toEqual([
      ['SYSTEM', 'SUCCESS', p.partnerId, { postingId: posting.id, amountTiyn: '15000000' }],
    ]);
    // A later retry, as after a crash, changes nothing either.
    expect(await bank.executePayment({ paymentId: payment.id })).toEqual(outcomes[0]);
    expect(await balance(p.ibans[0]!)).toBe(85_000_000n);
  });

  it('refuses on insufficient funds, posts nothing, and a retry returns the same refusal even after a top-up', async () => {
    const p = await openPartner(h, ['100.00']);
    const payment = await insertPayment(db, { partnerId: p.partnerId, authorId: p.userIds[0]!, debitIban: p.ibans[0]!, amountTiyn: 10_001n });
    const refused = await bank.executePayment({ paymentId: payment.id });
    expect(refused).toEqual({
      outcome: 'REFUSED',
      code: 'LEDGER.INSUFFICIENT_FUNDS',
      reason: `Insufficient funds on account ${p.ibans[0]}: the payment is 100.01 KZT, the balance is 100.00 KZT.`,
    });
    expect(await db.ledgerEntry.count({ where: { posting: { paymentId: payment.id } } })).toBe(0);
    expect(await balance(p.ibans[0]!)).toBe(10_000n);

    const payer = await openPartner(h, ['50.00']);
    const topUp = await insertPayment(db, {
      partnerId: payer.partnerId,
      authorId: payer.userIds[0]!,
      debitIban: payer.ibans[0]!,
      beneficiaryIban: p.ibans[0]!,
      amountTiyn: 5_000n,
    });
    expect((await bank.executePayment({ paymentId: topUp.id })).outcome).toBe('EXECUTED');
    expect(await balance(p.ibans[0]!)).toBe(15_000n);
    expect(await bank.executePayment({ paymentId: payment.id })).toEqual(refused);
  });

  it('refuses from an account the operator blocked, and executes again once unblocked (audited)', async () => {
    const p = await openPartner(h);
    const iban = p.ibans[0]!;
    const blocked = await call(h, 'POST', `/v1/operator/accounts/${iban}/block`, { reason: 'court order 12/345' }, h.operator);
    expect(blocked).toMatchObject({ status: 200, body: { iban, blocked: true } });
    const first = await insertPayment(db, { partnerId: p.partnerId, authorId: p.userIds[0]!, debitIban: iban, amountTiyn: 100n });
    expect(await bank.executePayment({ paymentId: first.id })).toEqual({
      outcome: 'REFUSED',
      code: 'LEDGER.ACCOUNT_BLOCKED',
      reason: `Account ${iban} is blocked: no payments can be made from it.`,
    });
    expect(await call(h, 'POST', `/v1/operator/accounts/${iban}/unblock`, {}, h.operator)).toMatchObject({ status: 200, body: { iban, blocked: false } });
    const second = await insertPayment(db, { partnerId: p.partnerId, authorId: p.userIds[0]!, debitIban: iban, amountTiyn: 100n });
    expect((await bank.executePayment({ paymentId: second.id })).outcome).toBe('EXECUTED');
    const audit = await db.auditRecord.findMany({ where: { targetId: iban }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.action, a.actorType, a.outcome, a.partnerId])).toEqual([
      ['account.block', 'OPERATOR', 'SUCCESS', p.partnerId],
      ['account.unblock', 'OPERATOR', 'SUCCESS', p.partnerId],
    ]);
    expect(audit[0]!.details).toMatchObject({ reason: 'court order 12/345' });
    expect((await call(h, 'POST', `/v1/operator/accounts/${kzIban()}/block`, {}, h.operator)).status).toBe(404);
    expect((await call(h, 'POST', `/v1/operator/accounts/KZ00NOTANIBAN/block`, {}, h.operator)).status).toBe(400);
    expect((await call(h, 'POST', `/v1/operator/accounts/${iban}/block`, {})).status).toBe(401);
  });

  it('never moves money for a document that is not fully confirmed', async () => {
    const p = await openPartner(h);
    const draft = await insertPayment(db, { partnerId: p.partnerId, authorId: p.userIds[0]!, debitIban: p.ibans[0]!, amountTiyn: 100n, status: 'DRAFT' });
    await expect(bank.executePayment({ paymentId: draft.id })).rejects.toThrow(`payment ${draft.id} is DRAFT, not SENT_TO_BANK`);
    expect(await db.ledgerPosting.count({ where: { paymentId: draft.id } })).toBe(0);
    expect(await balance(p.ibans[0]!)).toBe(100_000_000n);
  });

  it("refuses a debit account that is not the payer's", async () => {
    const [a, b] = [await openPartner(h), await openPartner(h)];
    const payment = await insertPayment(db, { partnerId: a.partnerId, authorId: a.userIds[0]!, debitIban: b.ibans[0]!, amountTiyn: 100n });
    expect(await bank.executePayment({ paymentId: payment.id })).toMatchObject({ outcome: 'REFUSED', code: 'LEDGER.DEBIT_ACCOUNT_NOT_FOUND' });
    expect(await balance(b.ibans[0]!)).toBe(100_000_000n);
  });

  it('credits our own beneficiary directly; internal transfers keep the ledger total and debits == credits', async () => {
    const [a, b] = [await openPartner(h), await openPartner(h, ['0.01'])];
    const before = { a: await balance(a.ibans[0]!), b: await balance(b.ibans[0]!) };
    const transfers = await Promise.all([
      insertPayment(db, { partnerId: a.partnerId, authorId: a.userIds[0]!, debitIban: a.ibans[0]!, beneficiaryIban: b.ibans[0]!, amountTiyn: 250_000n }),
      insertPayment(db, { partnerId: b.partnerId, authorId: b.userIds[0]!, debitIban: b.ibans[0]!, beneficiaryIban: a.ibans[0]!, amountTiyn: 1n }),
    ]);
    // Opposite directions at once: locks are taken in IBAN order, so neither deadlocks.
    const outcomes = await Promise.all(transfers.map((t) => bank.executePayment({ paymentId: t.id })));
    expect(outcomes.map((o) => o.outcome)).toEqual(['EXECUTED', 'EXECUTED']);
    expect(await balance(a.ibans[0]!)).toBe(before.a - 250_000n + 1n);
    expect(await balance(b.ibans[0]!)).toBe(before.b + 250_000n - 1n);
    // Money stayed inside the bank: nothing went through the correspondent account.
    expect(await db.ledgerEntry.count({ where: { posting: { paymentId: { in: transfers.map((t) => t.id) } }, bankAccountCode: { not: null } } })).toBe(0);
    const credit = await db.ledgerEntry.findFirstOrThrow({ where: { posting: { paymentId: transfers[0]!.id }, direction: 'CREDIT' } });
    expect(credit).toMatchObject({ accountIban: b.ibans[0], counterpartyName: a.name, counterpartyBinIin: a.bin, counterpartyIban: a.ibans[0] });
    expect(await ledgerInvariants(db)).toEqual({ unbalancedPostings: 0, ledgerSum: 0n, accountsOffLedger: 0 });
  });

  it('the database itself refuses a balance change outside the ledger and any edit of a posting', async () => {
    const p = await openPartner(h);
    await expect(db.$executeRaw`UPDATE accounts SET balance_tiyn = balance_tiyn + 1 WHERE iban = ${p.ibans[0]}`).rejects.toThrow(/differs from its ledger/);
    await expect(db.$executeRaw`DELETE FROM ledger_entries WHERE account_iban = ${p.ibans[0]}`).rejects.toThrow(/append-only/);
    expect(await balance(p.ibans[0]!)).toBe(100_000_000n);
  });
});

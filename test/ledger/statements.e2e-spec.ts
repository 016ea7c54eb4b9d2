import { createPrisma } from '@infra/prisma/prisma.service';
import { kzIban } from '../support/fixtures';
import { call, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { bearer, login, registerPartner, type RegisteredPartner } from '../support/users';
import { execute, insertPayment, openPartner } from './support/ledger-fixtures';

/** Balances and statements through REST as a cabinet reads them (§2.6). */
describe('accounts and statements', () => {
  let h: Harness;
  let partner: RegisteredPartner;
  let session: Record<string, string>;
  const mail = new MailCatcher();
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

  const statement = (iban: string, query: string, accept = 'application/json', auth = session) =>
    call(h, 'GET', `/v1/accounts/${iban}/statement?${query}`, undefined, { ...auth, accept });

  it("lists the partner's accounts with balances as decimal strings", async () => {
    const res = await call(h, 'GET', '/v1/accounts', undefined, session);
    expect(res).toMatchObject({
      status: 200,
      body: { items: [{ iban: partner.accounts[0], currency: 'KZT', balance: '1000000.00', blocked: false }], nextCursor: null },
    });
    expect((await call(h, 'GET', '/v1/accounts')).status).toBe(401);
  });

  it('gives every operation of the period with opening and closing balances that add up, as JSON and CSV', async () => {
    const iban = partner.accounts[0]!;
    const other = await openPartner(h);
    const out = await insertPayment(db, {
      partnerId: partner.partnerId,
      authorId: partner.users[0]!.userId,
      debitIban: iban,
      amountTiyn: 150_050n,
      purpose: '=SUM(A1) "налог", 2026',
    });
    const paid = await execute(h, db, out.id);
    const incoming = await insertPayment(db, {
      partnerId: other.partnerId,
      authorId: other.userIds[0]!,
      debitIban: other.ibans[0]!,
      beneficiaryIban: iban,
      amountTiyn: 2_500_000n,
    });
    const received = await execute(h, db, incoming.id);
    const opening = await db.ledgerEntry.findFirstOrThrow({ where: { accountIban: iban, posting: { kind: 'OPENING' } } });
    const from = new Date(opening.postedAt.getTime() - 1000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();

    const json = await statement(iban, `from=${from}&to=${to}`);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toContain('application/json');
    const debit = paid.posting.entries.find((e) => e.accountIban === iban)!;
    const credit = received.posting.entries.find((e) => e.accountIban === iban)!;
    expect(json.body).toEqual({
      iban,
      currency: 'KZT',
      holder: { name: 'ТОО «Тест»', bin: partner.bin },
      period: { from, to },
      openingBalance: '0.00',
      totalDebit: '1500.50',
      totalCredit: '1025000.00',
      closingBalance: '1023499.50',
      operations: [
        {
          postedAt: opening.postedAt.toISOString(),
          reference: opening.postingId,
          kind: 'OPENING',
          paymentId: null,
          documentNumber: null,
          direction: 'CREDIT',
          amount: '1000000.00',
          balanceAfter: '1000000.00',
          counterparty: null,
          knp: null,
          purpose: null,
        },
        {
          postedAt: debit.postedAt.toISOString(),
          reference: paid.posting.id,
          kind: 'PAYMENT',
          paymentId: out.id,
          documentNumber: String(out.number),
          direction: 'DEBIT',
          amount: '1500.50',
          balanceAfter: '998499.50',
          counterparty: { name: 'ТОО «Получатель»', binIin: '060540001498', iban: debit.counterpartyIban },
          knp: '710',
          purpose: '=SUM(A1) "налог", 2026',
        },
        {
          postedAt: credit.postedAt.toISOString(),
          reference: received.posting.id,
          kind: 'PAYMENT',
          paymentId: null,
          documentNumber: String(incoming.number),
          direction: 'CREDIT',
          amount: '25000.00',
          balanceAfter: '1023499.50',
          counterparty: { name: 'ТОО «Тест»', binIin: other.bin, iban: other.ibans[0] },
          knp: '710',
          purpose: 'Оплата по договору №7 за поставку товаров',
        },
      ],
    });

    const csv = await statement(iban, `from=${from}&to=${to}`, 'text/csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toContain(`statement-${iban}-`);
    expect(csv.body).toBe(
      [
        'row,posted_at,kind,reference,document_number,debit,credit,balance,counterparty_name,counterparty_bin_iin,counterparty_iban,knp,purpose',
        `OPENING_BALANCE,${from},,,,,,0.00,,,,,`,
        `OPERATION,${opening.postedAt.toISOString()},OPENING,${opening.postingId},,,1000000.00,1000000.00,,,,,`,
        `OPERATION,${debit.postedAt.toISOString()},PAYMENT,${paid.posting.id},${out.number},1500.50,,998499.50,ТОО «Получатель»,060540001498,${debit.counterpartyIban},710,"'=SUM(A1) ""налог"", 2026"`,
        `OPERATION,${credit.postedAt.toISOString()},PAYMENT,${received.posting.id},${incoming.number},,25000.00,1023499.50,ТОО «Тест»,${other.bin},${other.ibans[0]},710,Оплата по договору №7 за поставку товаров`,
        `CLOSING_BALANCE,${to},,,,1500.50,1025000.00,1023499.50,,,,,`,
        '',
      ].join('\r\n'),
    );

    // A period that starts after the payment opens with the balance the payment left.
    const later = await statement(iban, `from=${new Date(debit.postedAt.getTime() + 1).toISOString()}&to=${to}`);
    expect(later.body).toMatchObject({ openingBalance: '998499.50', totalDebit: '0.00', totalCredit: '25000.00', closingBalance: '1023499.50' });
    expect(later.body.operations).toHaveLength(1);
    // Before the account existed: nothing, and zero at both ends.
    const before = await statement(iban, 'from=2020-01-01&to=2020-01-31');
    expect(before.body).toMatchObject({
      period: { from: '2020-01-01T00:00:00.000Z', to: '2020-01-31T23:59:59.999Z' },
      openingBalance: '0.00',
      closingBalance: '0.00',
      operations: [],
    });
  });

  it('renders the statement as a PDF by the Accept header', async () => {
    const res = await fetch(`${h.baseUrl}/v1/accounts/${partner.accounts[0]}/statement?from=2020-01-01&to=2030-12-31`, {
      headers: { ...session, accept: 'application/pdf' },
    });
    expect(res.status).toBe(400); // longer than 366 days
    const ok = await fetch(`${h.baseUrl}/v1/accounts/${partner.accounts[0]}/statement?from=2026-01-01&to=2026-12-31`, {
      headers: { ...session, accept: 'application/pdf' },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/pdf');
    expect(ok.headers.get('cache-control')).toBe('no-store');
    const pdf = Buffer.from(await ok.arrayBuffer());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toContain('%%EOF');
    expect(pdf.length).toBeGreaterThan(1000);
  });

  it("answers 404 for another partner's IBAN and an unknown one, 400 for bad input, 406 for an unknown format", async () => {
    const other = await openPartner(h);
    const period = 'from=2026-01-01&to=2026-01-31';
    for (const iban of [other.ibans[0]!, kzIban()]) {
      const res = await statement(iban, period);
      expect(res).toMatchObject({ status: 404, body: { code: 'ACCOUNT.NOT_FOUND' } });
    }
    expect((await statement('KZ00BAD', period)).body.errors).toEqual([expect.objectContaining({ path: 'iban' })]);
    const bad = await statement(partner.accounts[0]!, 'from=2026-13-01&to=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(['from', 'to']);
    expect((await statement(partner.accounts[0]!, 'to=2026-01-31')).status).toBe(400);
    expect((await statement(partner.accounts[0]!, 'from=2026-02-01&to=2026-01-31')).status).toBe(400);
    expect((await statement(partner.accounts[0]!, period, 'image/png')).status).toBe(406);
    expect((await statement(partner.accounts[0]!, period, 'application/json', {})).status).toBe(401);
  });
});

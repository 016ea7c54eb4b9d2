import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createPrisma } from '@infra/prisma/prisma.service';
import { applyMigrations, listMigrations, migrationChecksum } from '../../scripts/db/migrate';

/**
 * schema.prisma and the hand-written migrations must agree: every model is written
 * and read back through the generated client on the freshly migrated test database,
 * and the migration table holds what `prisma migrate status` expects.
 */
describe('database schema', () => {
  const prisma = createPrisma(process.env.DATABASE_URL!);
  afterAll(() => prisma.$disconnect());

  it('records every migration once, with Prisma checksums, and a rerun applies nothing', async () => {
    const again = await applyMigrations(process.env.DATABASE_URL!);
    expect(again.applied).toEqual([]);
    const pg = new Client({ connectionString: process.env.DATABASE_URL });
    await pg.connect();
    const { rows } = await pg.query('SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name');
    await pg.end();
    const files = listMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    rows.forEach((row, i) => {
      expect(row.checksum).toBe(migrationChecksum(files[i]!.script));
      expect(row.applied_steps_count).toBe(1);
      expect(row.finished_at).toBeInstanceOf(Date);
    });
  });

  it('writes and reads every model through the generated client', async () => {
    const partner = await prisma.partner.create({
      data: { id: randomUUID(), bin: String(Date.now()).padStart(12, '0').slice(-12), name: 'ТОО Schema' },
    });
    const application = await prisma.application.create({
      data: { id: randomUUID(), partnerId: partner.id, workflowId: `onboarding-${randomUUID()}` },
    });
    const account = await prisma.account.create({
      data: { id: randomUUID(), partnerId: partner.id, iban: 'KZ' + String(Date.now()).padStart(18, '0').slice(-18), balanceTiyn: 12345n },
    });
    const user = await prisma.user.create({
      data: {
        id: randomUUID(),
        partnerId: partner.id,
        applicationId: application.id,
        login: `schema-${randomUUID()}@example.kz`,
        fullName: 'Schema User',
        phone: '+77012345678',
        accessLevel: 'FULL_ACCESS',
        origin: 'APPLICATION',
        language: 'ru',
      },
    });
    await prisma.passwordHistory.create({ data: { userId: user.id, hash: '$argon2id$v=19$m=19456,t=2,p=1$x$y' } });
    await prisma.registration.create({
      data: {
        id: randomUUID(),
        userId: user.id,
        invitationNo: 1,
        workflowId: `registration-${user.id}-1`,
        tokenHash: 'a'.repeat(64),
        expiresAt: new Date(Date.now() + 1000),
      },
    });
    await prisma.oneTimeCode.create({
      data: { id: randomUUID(), scope: `registration-${user.id}-1`, codeNo: 1, purpose: 'REGISTRATION', codeHash: 'b'.repeat(64), expiresAt: new Date() },
    });
    await prisma.outboundMessage.create({ data: { key: `k-${randomUUID()}`, channel: 'SMS', recipient: '+7 701 *** ** 78', template: 'x' } });
    const subUserRequest = await prisma.subUserRequest.create({
      data: {
        id: randomUUID(),
        partnerId: partner.id,
        creatorId: user.id,
        workflowId: `sub-user-request-${randomUUID()}`,
        fullName: 'Sub User',
        email: `sub-${randomUUID()}@example.kz`,
        phone: '+77012345679',
        requestedAccessLevel: 'FULL_ACCESS',
        reviewFlags: ['PHONE_IN_USE'],
        newUserId: user.id,
      },
    });
    const subRead = await prisma.subUserRequest.findUniqueOrThrow({ where: { id: subUserRequest.id }, include: { creator: true, newUser: true, partner: true } });
    expect(subRead).toMatchObject({ status: 'AWAITING_CONFIRMATION', language: 'kk', reviewFlags: ['PHONE_IN_USE'], codeExpiresAt: null });
    expect([subRead.creator.id, subRead.newUser!.id, subRead.partner.id]).toEqual([user.id, user.id, partner.id]);

    await prisma.session.create({
      data: { id: randomUUID(), userId: user.id, keyHash: 'c'.repeat(64), method: 'PASSWORD', expiresAt: new Date(Date.now() + 1000) },
    });
    await prisma.loginLock.create({ data: { userId: user.id, passwordFailures: 2, lockedUntil: new Date(Date.now() + 1000) } });
    await prisma.rateCounter.create({ data: { kind: 'LOGIN_ADDRESS', subject: 'd'.repeat(64), windowStartedAt: new Date(), count: 3 } });
    await prisma.passwordRecovery.create({
      data: {
        id: randomUUID(),
        userId: user.id,
        recoveryNo: 1,
        workflowId: `recovery-${user.id}-1`,
        tokenHash: 'e'.repeat(64),
        expiresAt: new Date(Date.now() + 1000),
      },
    });
    const auth = await prisma.user.findUniqueOrThrow({ where: { id: user.id }, include: { loginLock: true, passwordRecoveries: true } });
    expect(auth.loginLock).toMatchObject({ passwordFailures: 2, codeFailures: 0, lockCount: 0 });
    expect(auth.passwordRecoveries[0]).toMatchObject({ status: 'LINK_SENT', pendingPasswordHash: null });
    expect((await prisma.rateCounter.findUniqueOrThrow({ where: { kind_subject: { kind: 'LOGIN_ADDRESS', subject: 'd'.repeat(64) } } })).count).toBe(3);
    const audit = await prisma.auditRecord.create({
      data: { actorType: 'SYSTEM', action: 'schema.test', outcome: 'SUCCESS', details: { n: 1 }, dedupKey: `schema/${randomUUID()}` },
    });
    expect((await prisma.auditRecord.findUniqueOrThrow({ where: { id: audit.id } })).details).toEqual({ n: 1 });
    expect((await prisma.auditRecord.findUniqueOrThrow({ where: { dedupKey: audit.dedupKey! } })).id).toBe(audit.id);

    // Ledger: the account's opening balance was posted by the database; a payment is posted
    // the way the core-banking activity does it (balances and entries in one transaction).
    const opening = await prisma.ledgerEntry.findFirstOrThrow({ where: { accountIban: account.iban }, include: { posting: true, account: true } });
    expect(opening).toMatchObject({ direction: 'CREDIT', amountTiyn: 12345n, balanceAfterTiyn: 12345n, posting: { kind: 'OPENING', outcome: 'EXECUTED' } });
    const ledgerPaymentId = randomUUID();
    const ledgerPayment = await prisma.payment.create({
      data: {
        id: ledgerPaymentId,
        workflowId: `payment-${ledgerPaymentId}`,
        partnerId: partner.id,
        number: 1_000_000,
        authorId: user.id,
        debitIban: account.iban,
        amountTiyn: 45n,
        beneficiaryName: 'B',
        beneficiaryBinIin: '060540001498',
        beneficiaryIban: 'KZ75125KZT2069100100',
        beneficiaryBic: 'HSBKKZKX',
        kbe: '17',
        knp: '710',
        purpose: 'schema',
        valueDate: new Date(),
      },
    });
    await prisma.$transaction(async (tx) => {
      const clearing = await tx.ledgerBankAccount.update({ where: { code: 'CLEARING' }, data: { balanceTiyn: { increment: 45n } } });
      await tx.account.update({ where: { iban: account.iban }, data: { balanceTiyn: 12300n } });
      await tx.ledgerPosting.create({
        data: {
          id: randomUUID(),
          kind: 'PAYMENT',
          paymentId: ledgerPayment.id,
          outcome: 'EXECUTED',
          amountTiyn: 45n,
          documentNumber: '1000000',
          knp: '710',
          purpose: 'schema',
          entries: {
            create: [
              { accountIban: account.iban, direction: 'DEBIT', amountTiyn: 45n, balanceAfterTiyn: 12300n, counterpartyName: 'B' },
              { bankAccountCode: 'CLEARING', direction: 'CREDIT', amountTiyn: 45n, balanceAfterTiyn: clearing.balanceTiyn },
            ],
          },
        },
      });
    });
    const posted = await prisma.payment.findUniqueOrThrow({
      where: { id: ledgerPayment.id },
      include: { ledgerPosting: { include: { entries: { include: { bankAccount: true } } } } },
    });
    expect(posted.ledgerPosting!.entries.map((e) => [e.direction, e.accountIban ?? e.bankAccount!.code])).toEqual([
      ['DEBIT', account.iban],
      ['CREDIT', 'CLEARING'],
    ]);

    // Payment documents and their approval: counter, timeline, confirmations, policy, idempotency keys.
    await prisma.paymentCounter.create({ data: { partnerId: partner.id, lastNumber: 1_000_000 } });
    await prisma.payment.update({
      where: { id: ledgerPayment.id },
      data: {
        workflowId: `payment-${ledgerPayment.id}`,
        revision: 3,
        status: 'SENT_TO_BANK',
        requiredConfirmations: 1,
        policySnapshot: { rules: [], authorMayConfirm: true },
        holdStatus: 'ON_HOLD',
        holdDeadline: new Date(),
        expiresAt: null,
      },
    });
    await prisma.paymentEvent.create({
      data: {
        paymentId: ledgerPayment.id,
        key: `payment-${ledgerPayment.id}/1/0`,
        type: 'SUBMITTED',
        actorType: 'USER',
        actorId: user.id,
        version: 1,
        details: { requiredConfirmations: 1 },
      },
    });
    await prisma.paymentConfirmation.create({
      data: { id: randomUUID(), paymentId: ledgerPayment.id, userId: user.id, version: 1, challengeId: randomUUID(), confirmedAt: new Date() },
    });
    await prisma.approvalPolicy.create({
      data: {
        partnerId: partner.id,
        rules: [{ minAmountTiyn: '0', requiredConfirmations: 2 }],
        authorMayConfirm: false,
        updatedBy: user.id,
        changeId: randomUUID(),
      },
    });
    await prisma.idempotencyKey.create({
      data: { scope: `user:${user.id}`, key: 'k1', requestHash: 'f'.repeat(64), responseStatus: 201, responseBody: { id: 'x' } },
    });
    const document = await prisma.payment.findUniqueOrThrow({
      where: { id: ledgerPayment.id },
      include: { events: true, confirmations: true, author: true, partner: { include: { paymentCounter: true, approvalPolicy: true } } },
    });
    expect(document).toMatchObject({ status: 'SENT_TO_BANK', version: 1, revision: 3, holdStatus: 'ON_HOLD', amountTiyn: 45n, author: { id: user.id } });
    expect(document.events[0]).toMatchObject({ type: 'SUBMITTED', details: { requiredConfirmations: 1 } });
    expect(document.confirmations[0]).toMatchObject({ userId: user.id, voidedAt: null });
    expect(document.partner.paymentCounter!.lastNumber).toBe(1_000_000);
    expect(document.partner.approvalPolicy).toMatchObject({ version: 1, authorMayConfirm: false, rules: [{ minAmountTiyn: '0', requiredConfirmations: 2 }] });
    const key = await prisma.idempotencyKey.findUniqueOrThrow({ where: { scope_key: { scope: `user:${user.id}`, key: 'k1' } } });
    expect(key).toMatchObject({ responseStatus: 201, responseBody: { id: 'x' }, completedAt: null });

    const read = await prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      include: { partner: { include: { accounts: true, applications: true } }, registrations: true, passwordHashes: true, sessions: true },
    });
    expect(read.partner.accounts[0]!.balanceTiyn).toBe(12300n);
    expect(read.partner.applications[0]!.status).toBe('AWAITING_SIGNATURE');
    expect(read.registrations[0]!.status).toBe('INVITED');
    expect(read.passwordHashes).toHaveLength(1);
    expect(read.sessions[0]!.method).toBe('PASSWORD');
    expect(read.language).toBe('ru');
    expect(account.currency).toBe('KZT');
  });

  it('enforces the rules the database owns', async () => {
    const partner = await prisma.partner.create({ data: { id: randomUUID(), bin: '9' + String(Date.now()).slice(-11), name: 'P' } });
    await prisma.application.create({ data: { id: randomUUID(), partnerId: partner.id, workflowId: `w-${randomUUID()}` } });
    // a second open application for the same partner
    await expect(prisma.application.create({ data: { id: randomUUID(), partnerId: partner.id, workflowId: `w-${randomUUID()}` } })).rejects.toThrow();
    // logins are stored lower-cased
    await expect(
      prisma.user.create({
        data: {
          id: randomUUID(),
          partnerId: partner.id,
          login: 'Upper@Example.kz',
          fullName: 'U',
          phone: '+77012345678',
          accessLevel: 'CREATE_AND_VIEW',
          origin: 'CABINET',
        },
      }),
    ).rejects.toThrow();
    // one pending sub-user request per e-mail (§1.8); a finished one frees it
    const creator = await prisma.user.create({
      data: {
        id: randomUUID(),
        partnerId: partner.id,
        login: `c-${randomUUID()}@example.kz`,
        fullName: 'C',
        phone: '+77012345678',
        accessLevel: 'FULL_ACCESS',
        origin: 'APPLICATION',
      },
    });
    const subEmail = `pending-${randomUUID()}@example.kz`;
    const request = (status?: 'REJECTED') =>
      prisma.subUserRequest.create({
        data: {
          id: randomUUID(),
          partnerId: partner.id,
          creatorId: creator.id,
          workflowId: `w-${randomUUID()}`,
          fullName: 'S',
          email: subEmail,
          phone: '+77012345679',
          status,
        },
      });
    await request('REJECTED');
    await request();
    await expect(request()).rejects.toThrow();
    await expect(
      prisma.subUserRequest.create({
        data: {
          id: randomUUID(),
          partnerId: partner.id,
          creatorId: creator.id,
          workflowId: `w-${randomUUID()}`,
          fullName: 'S',
          email: 'Upper@Example.kz',
          phone: '+77012345679',
        },
      }),
    ).rejects.toThrow();
  });
});

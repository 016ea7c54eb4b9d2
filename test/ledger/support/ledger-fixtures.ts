import { randomUUID } from 'node:crypto';
import { CoreBankingActivitiesImpl } from '../../../apps/worker/src/core-banking/core-banking.activities';
import type { PrismaService } from '@infra/prisma/prisma.service';
import { application, kzIban } from '../../support/fixtures';
import { call, type Harness } from '../../support/harness';

export interface OpenedPartner {
  partnerId: string;
  applicationId: string;
  bin: string;
  name: string;
  ibans: string[];
  userIds: string[];
}

/** A partner with accounts opened through the operator REST endpoint (opening balances included). */
export async function openPartner(h: Harness, openingBalances: (string | undefined)[] = ['1000000.00']): Promise<OpenedPartner> {
  const body = { ...application(), accounts: openingBalances.map((openingBalance) => ({ iban: kzIban(), ...(openingBalance ? { openingBalance } : {}) })) };
  const created = await call(h, 'POST', '/v1/operator/applications', body, h.operator);
  if (created.status !== 201) throw new Error(`application: ${created.status} ${JSON.stringify(created.body)}`);
  const read = await call(h, 'GET', `/v1/operator/applications/${created.body.applicationId}`, undefined, h.operator);
  return {
    partnerId: created.body.partnerId,
    applicationId: created.body.applicationId,
    bin: body.partner.bin,
    name: body.partner.name,
    ibans: body.accounts.map((a) => a.iban),
    userIds: read.body.users.map((u: { userId: string }) => u.userId),
  };
}

export interface PaymentRow {
  partnerId: string;
  authorId: string;
  debitIban: string;
  beneficiaryIban?: string;
  amountTiyn: bigint;
  beneficiaryName?: string;
  beneficiaryBinIin?: string;
  purpose?: string;
  status?: 'SENT_TO_BANK' | 'DRAFT';
}

/**
 * A payment document as the payment workflow leaves it when fully confirmed, written
 * straight to the table: these specs test the bank's side, not the approval flow.
 */
export async function insertPayment(db: PrismaService, p: PaymentRow): Promise<{ id: string; number: number }> {
  const counter = await db.paymentCounter.upsert({
    where: { partnerId: p.partnerId },
    create: { partnerId: p.partnerId, lastNumber: 1 },
    update: { lastNumber: { increment: 1 } },
  });
  const id = randomUUID();
  await db.payment.create({
    data: {
      id,
      partnerId: p.partnerId,
      number: counter.lastNumber,
      authorId: p.authorId,
      workflowId: `payment-${id}`,
      status: p.status ?? 'SENT_TO_BANK',
      debitIban: p.debitIban,
      amountTiyn: p.amountTiyn,
      beneficiaryName: p.beneficiaryName ?? 'ТОО «Получатель»',
      beneficiaryBinIin: p.beneficiaryBinIin ?? '060540001498',
      beneficiaryIban: p.beneficiaryIban ?? kzIban(),
      beneficiaryBic: 'HSBKKZKX',
      kbe: '17',
      knp: '710',
      purpose: p.purpose ?? 'Оплата по договору №7 за поставку товаров',
      valueDate: new Date(),
    },
  });
  return { id, number: counter.lastNumber };
}

/** Whole-ledger invariants, over every account in the database. */
export async function ledgerInvariants(db: PrismaService) {
  const [unbalanced] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM (
      SELECT p.id FROM ledger_postings p LEFT JOIN ledger_entries e ON e.posting_id = p.id
      WHERE p.outcome = 'EXECUTED'
      GROUP BY p.id, p.amount_tiyn
      HAVING coalesce(sum(e.amount_tiyn) FILTER (WHERE e.direction = 'DEBIT'), 0) <> p.amount_tiyn
          OR coalesce(sum(e.amount_tiyn) FILTER (WHERE e.direction = 'CREDIT'), 0) <> p.amount_tiyn) bad`;
  const [sums] = await db.$queryRaw<{ partners: bigint; bank: bigint }[]>`
    SELECT (SELECT coalesce(sum(balance_tiyn), 0) FROM accounts)::bigint AS partners,
           (SELECT coalesce(sum(balance_tiyn), 0) FROM ledger_bank_accounts)::bigint AS bank`;
  const [drift] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM accounts a
    WHERE a.balance_tiyn <> coalesce((SELECT e.balance_after_tiyn FROM ledger_entries e WHERE e.account_iban = a.iban ORDER BY e.id DESC LIMIT 1), 0)`;
  return { unbalancedPostings: Number(unbalanced!.n), ledgerSum: sums!.partners + sums!.bank, accountsOffLedger: Number(drift!.n) };
}

/** Executes a payment row through the real activity and returns its ledger posting with entries. */
export async function execute(h: Harness, db: PrismaService, paymentId: string) {
  const bank = h.worker.app.get(CoreBankingActivitiesImpl);
  const outcome = await bank.executePayment({ paymentId });
  const posting = await db.ledgerPosting.findUniqueOrThrow({ where: { paymentId }, include: { entries: { orderBy: { id: 'asc' } } } });
  return { outcome, posting };
}

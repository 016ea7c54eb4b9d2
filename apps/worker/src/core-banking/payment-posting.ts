import { randomUUID } from 'node:crypto';
import { awaitsExecution, balanceAfter, decideExecution, type LedgerLeg } from '@domain/ledger';
import type { AuditService } from '@infra/audit/audit.service';
import { Prisma, type LedgerPosting, type PrismaService } from '@infra/prisma/prisma.service';

type Tx = Prisma.TransactionClient;

/** Namespace of the per-payment advisory lock (two-key form: apart from other locks). */
const PAYMENT_LOCK_CLASS = 2_404;

/** The payment is not in the database: a caller's bug, not something a retry can fix. */
export class PaymentNotFoundError extends Error {
  constructor(readonly paymentId: string) {
    super(`payment ${paymentId} does not exist`);
    this.name = 'PaymentNotFoundError';
  }
}

/** Asked to execute a document that is not (yet) fully confirmed: nothing moves; a retry may find it confirmed. */
export class PaymentNotConfirmedError extends Error {
  constructor(paymentId: string, status: string) {
    super(`payment ${paymentId} is ${status}, not SENT_TO_BANK: the bank executes only fully confirmed documents`);
    this.name = 'PaymentNotConfirmedError';
  }
}

interface LockedAccount {
  iban: string;
  partner_id: string;
  balance_tiyn: bigint;
  blocked: boolean;
}

/**
 * Executes a payment in the ledger at most once (§2.4), in one transaction: the posting,
 * its entries and the new balances commit together or not at all, and the unique
 * payment id makes any later attempt — a retry after a crash, a concurrent duplicate —
 * return the outcome recorded first, refusals included.
 */
export async function postPayment(prisma: PrismaService, audit: AuditService, paymentId: string): Promise<LedgerPosting> {
  try {
    return await prisma.$transaction(
      async (tx) => {
        const { posting, partnerId, created } = await postInTransaction(tx, paymentId);
        if (created) await auditExecution(tx, audit, posting, partnerId);
        return posting;
      },
      { maxWait: 15_000, timeout: 30_000 },
    );
  } catch (error) {
    // Belt and braces: the advisory lock serialises attempts, the unique index decides.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      return prisma.ledgerPosting.findUniqueOrThrow({ where: { paymentId } });
    }
    throw error;
  }
}

interface PostingResult {
  posting: LedgerPosting;
  partnerId: string;
  /** False when an earlier attempt had recorded it. */
  created: boolean;
}

async function postInTransaction(tx: Tx, paymentId: string): Promise<PostingResult> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PAYMENT_LOCK_CLASS}::int, hashtext(${paymentId}))`;
  const recorded = await tx.ledgerPosting.findUnique({ where: { paymentId } });
  if (recorded) return { posting: recorded, partnerId: '', created: false };
  const payment = await tx.payment.findUnique({ where: { id: paymentId }, include: { partner: { select: { name: true, bin: true } } } });
  if (!payment) throw new PaymentNotFoundError(paymentId);
  if (!awaitsExecution(payment.status)) throw new PaymentNotConfirmedError(paymentId, payment.status);

  // Locked in IBAN order, so two transfers in opposite directions cannot deadlock.
  const ibans = [...new Set([payment.debitIban, payment.beneficiaryIban])].sort();
  const locked = await tx.$queryRaw<LockedAccount[]>`
    SELECT iban, partner_id, balance_tiyn, blocked FROM accounts
    WHERE iban IN (${Prisma.join(ibans)}) ORDER BY iban FOR UPDATE`;
  const debit = locked.find((a) => a.iban === payment.debitIban) ?? null;
  const decision = decideExecution({
    payerPartnerId: payment.partnerId,
    amountTiyn: payment.amountTiyn,
    debitIban: payment.debitIban,
    beneficiaryIban: payment.beneficiaryIban,
    debitAccount: debit && { partnerId: debit.partner_id, balanceTiyn: debit.balance_tiyn, blocked: debit.blocked },
    beneficiaryIsOurs: locked.some((a) => a.iban === payment.beneficiaryIban),
  });
  const at = await postingTime(tx, ibans);
  const posting = {
    id: randomUUID(),
    kind: 'PAYMENT' as const,
    paymentId,
    amountTiyn: payment.amountTiyn,
    documentNumber: String(payment.number),
    knp: payment.knp,
    purpose: payment.purpose,
    recordedAt: at,
  };
  if (!decision.ok) {
    const refused = await tx.ledgerPosting.create({
      data: { ...posting, outcome: 'REFUSED', refusalCode: decision.refusal.code, refusalReason: decision.refusal.reason },
    });
    return { posting: refused, partnerId: payment.partnerId, created: true };
  }
  const created = await tx.ledgerPosting.create({ data: { ...posting, outcome: 'EXECUTED' } });
  const beneficiary = { counterpartyName: payment.beneficiaryName, counterpartyBinIin: payment.beneficiaryBinIin, counterpartyIban: payment.beneficiaryIban };
  const payer = { counterpartyName: payment.partner.name, counterpartyBinIin: payment.partner.bin, counterpartyIban: payment.debitIban };
  for (const leg of decision.legs) {
    const balanceAfterTiyn = await moveBalance(tx, leg, locked, at);
    await tx.ledgerEntry.create({
      data: {
        postingId: created.id,
        ...(leg.account.kind === 'PARTNER' ? { accountIban: leg.account.iban } : { bankAccountCode: leg.account.code }),
        direction: leg.direction,
        amountTiyn: leg.amountTiyn,
        balanceAfterTiyn,
        postedAt: at,
        ...(leg.direction === 'DEBIT' ? beneficiary : payer),
      },
    });
  }
  return { posting: created, partnerId: payment.partnerId, created: true };
}

/** The execution's audit record (§1.15) commits with the posting, so neither exists without the other. */
async function auditExecution(tx: Tx, audit: AuditService, posting: LedgerPosting, partnerId: string): Promise<void> {
  await audit.append(tx, {
    actorType: 'SYSTEM',
    actorId: 'core-banking',
    partnerId,
    action: 'payment.execute',
    targetType: 'PAYMENT',
    targetId: posting.paymentId,
    outcome: posting.outcome === 'EXECUTED' ? 'SUCCESS' : 'FAILURE',
    details: posting.outcome === 'EXECUTED' ? { postingId: posting.id, amountTiyn: posting.amountTiyn.toString() } : { code: posting.refusalCode },
  });
}

/** Applies one leg to its (already locked) account and returns the balance after it. */
async function moveBalance(tx: Tx, leg: LedgerLeg, locked: LockedAccount[], at: Date): Promise<bigint> {
  if (leg.account.kind === 'PARTNER') {
    const { iban } = leg.account;
    const account = locked.find((a) => a.iban === iban);
    if (!account) throw new Error(`ledger leg on unlocked account ${iban}`);
    const after = balanceAfter(account.balance_tiyn, leg);
    await tx.$executeRaw`UPDATE accounts SET balance_tiyn = ${after}, updated_at = ${at} WHERE iban = ${iban}`;
    return after;
  }
  // The bank's own accounts are locked last, always after partner accounts (same order everywhere).
  const [bank] = await tx.$queryRaw<{ balance_tiyn: bigint }[]>`
    SELECT balance_tiyn FROM ledger_bank_accounts WHERE code = ${leg.account.code} FOR UPDATE`;
  if (!bank) throw new Error(`bank ledger account ${leg.account.code} is missing (see the ledger migration)`);
  const after = balanceAfter(bank.balance_tiyn, leg);
  await tx.$executeRaw`UPDATE ledger_bank_accounts SET balance_tiyn = ${after}, updated_at = ${at} WHERE code = ${leg.account.code}`;
  return after;
}

/**
 * The database clock, to the millisecond, and never earlier than the last entry on these
 * accounts: statements select by time, so an account's entries must be in time order.
 */
async function postingTime(tx: Tx, ibans: string[]): Promise<Date> {
  const [row] = await tx.$queryRaw<{ at: Date }[]>`
    SELECT greatest(date_trunc('milliseconds', clock_timestamp()),
                    (SELECT max(posted_at) FROM ledger_entries WHERE account_iban IN (${Prisma.join(ibans)}))) AS at`;
  return row!.at;
}

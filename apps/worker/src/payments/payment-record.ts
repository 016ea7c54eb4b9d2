import { randomUUID } from 'node:crypto';
import type { AuditEntry, AuditService } from '@infra/audit/audit.service';
import { Prisma, type PrismaService } from '@infra/prisma/prisma.service';
import type { PaymentCommandAudit, PaymentProjection, PaymentRecord } from '@workflows/payment/payment.activities.contract';
import type { PaymentDocumentRecord } from '@workflows/payment/payment.messages';
import { transitionEntry } from '../audit/transition-entry';
import { paymentTransitionKey } from './payment-transition';

const date = (iso: string | null) => (iso === null ? null : new Date(iso));

const stateColumns = (s: PaymentProjection) => ({
  status: s.status,
  version: s.version,
  requiredConfirmations: s.requiredConfirmations,
  policySnapshot: s.policy === null ? Prisma.DbNull : (s.policy as unknown as Prisma.InputJsonValue),
  submittedAt: date(s.submittedAt),
  expiresAt: date(s.expiresAt),
  valueDate: new Date(`${s.valueDate}T00:00:00Z`),
  holdStatus: s.hold?.status ?? null,
  holdDeadline: date(s.hold?.deadline ?? null),
  refusalCode: s.refusal?.code ?? null,
  refusalReason: s.refusal?.reason ?? null,
  executedAt: date(s.executedAt),
});

export const documentColumns = (d: PaymentDocumentRecord) => ({
  debitIban: d.debitIban,
  amountTiyn: BigInt(d.amountTiyn),
  beneficiaryName: d.beneficiary.name,
  beneficiaryBinIin: d.beneficiary.binIin,
  beneficiaryIban: d.beneficiary.iban,
  beneficiaryBic: d.beneficiary.bic,
  kbe: d.beneficiary.kbe,
  knp: d.knp,
  purpose: d.purpose,
});

/** Timeline keys of workflow writes: one per entry of one revision, so a retry adds nothing. */
export const timelineKey = (paymentId: string, revision: number, index: number) => `payment-${paymentId}/${revision}/${index}`;

/**
 * Writes one step of the approval workflow in one transaction: the row, the confirmations,
 * the timeline and the audit record of its status transition (§1.15). The row's `revision`
 * only grows, so a retried or late write of an older step changes nothing — and neither do
 * its confirmations, timeline entries and record (also keyed by the revision).
 */
export async function writePaymentRecord(prisma: PrismaService, audit: AuditService, record: PaymentRecord): Promise<void> {
  const at = new Date(record.at);
  await prisma.$transaction(async (tx) => {
    const was = record.transitionIfRowIs === undefined ? null : await statusForUpdate(tx, record.paymentId);
    const written = await tx.payment.updateMany({
      where: { id: record.paymentId, revision: { lt: record.revision } },
      data: {
        ...stateColumns(record.state),
        ...(record.document ? documentColumns(record.document) : {}),
        revision: record.revision,
      },
    });
    if (written.count === 0) return;
    if (record.voidConfirmations) {
      const { userId, reason } = record.voidConfirmations;
      await tx.paymentConfirmation.updateMany({
        where: { paymentId: record.paymentId, voidedAt: null, ...(userId === null ? {} : { userId }) },
        data: { voidedAt: at, voidReason: reason },
      });
    }
    if (record.confirmation) {
      const { userId, version, challengeId } = record.confirmation;
      await tx.paymentConfirmation.createMany({
        data: [{ id: randomUUID(), paymentId: record.paymentId, userId, version, challengeId, confirmedAt: at }],
        skipDuplicates: true,
      });
    }
    await tx.paymentEvent.createMany({
      data: record.events.map((event, i) => ({
        paymentId: record.paymentId,
        key: timelineKey(record.paymentId, record.revision, i),
        type: event.type,
        actorType: event.actorType,
        actorId: event.actorId,
        version: record.state.version,
        details: event.details,
        occurredAt: at,
      })),
      skipDuplicates: true,
    });
    if (record.transition && (record.transitionIfRowIs === undefined || was === record.transitionIfRowIs)) {
      await audit.append(tx, transitionEntry(record.transition, paymentTransitionKey(record.paymentId, record.revision)));
    }
    if (record.command) await audit.append(tx, commandEntry(record.paymentId, record.revision, record.command));
  });
}

/** The request (a cabinet user's or an operator's) the write carries out, keyed by the write's revision (a retry records it once). */
const commandEntry = (paymentId: string, revision: number, command: PaymentCommandAudit): AuditEntry => ({
  actorType: command.actorType ?? 'USER',
  actorId: command.actorId,
  partnerId: command.partnerId,
  action: command.action,
  targetType: 'payment',
  targetId: paymentId,
  outcome: 'SUCCESS',
  requestId: command.requestId,
  clientAddress: command.clientAddress,
  details: command.details,
  dedupKey: `command/payment-${paymentId}/${revision}`,
});

/** The row's status, locked until the write commits, so the status it is compared with stays true. */
async function statusForUpdate(tx: Prisma.TransactionClient, paymentId: string): Promise<string | null> {
  const [row] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text AS status FROM payments WHERE id = ${paymentId}::uuid FOR UPDATE`;
  return row?.status ?? null;
}

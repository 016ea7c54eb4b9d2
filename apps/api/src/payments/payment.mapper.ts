import type { Actor } from '@domain/access-level';
import type { PaymentDocumentFields } from '@domain/payment';
import { formatMoney } from '@domain/values/money.value-object';
import type { Payment as PaymentRow, PaymentConfirmation, PaymentEvent } from '@infra/prisma/prisma.service';
import type { PaymentDocumentRecord, PaymentRequestOrigin } from '@workflows/payment/payment.messages';
import type { ClientInfo } from '../common/client-info';

export type Audience = 'cabinet' | 'operator';

/** The stored document as the workflow and its activities carry it (money as a tiyn string). */
export const documentRecordOf = (row: PaymentRow): PaymentDocumentRecord => ({
  debitIban: row.debitIban,
  amountTiyn: row.amountTiyn.toString(),
  beneficiary: { name: row.beneficiaryName, binIin: row.beneficiaryBinIin, iban: row.beneficiaryIban, bic: row.beneficiaryBic, kbe: row.kbe },
  knp: row.knp,
  purpose: row.purpose,
});

export const documentFieldsOf = (row: PaymentRow): PaymentDocumentFields => ({ ...documentRecordOf(row), amountTiyn: row.amountTiyn });

export const recordOfFields = (doc: PaymentDocumentFields): PaymentDocumentRecord => ({
  ...doc,
  beneficiary: { ...doc.beneficiary },
  amountTiyn: doc.amountTiyn.toString(),
});

/**
 * What a workflow may learn of the caller: the domain's Actor. Never the whole cabinet actor,
 * whose login and session id must stay out of workflow history.
 */
export const domainActor = (actor: Actor): Actor => ({
  userId: actor.userId,
  partnerId: actor.partnerId,
  accessLevel: actor.accessLevel,
  status: actor.status,
});

/** Where a request came from, for the audit record a workflow step writes with its change (§1.15). */
export const requestOrigin = (caller: ClientInfo): PaymentRequestOrigin => ({ requestId: caller.requestId ?? null, clientAddress: caller.address });

/** Steps of the bank's compliance review are never shown to the partner (no tipping-off). */
const BANK_INTERNAL = new Set(['HELD', 'HOLD_RELEASED', 'HOLD_DISCARDED']);

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** Who took a step: a partner's user by id; to the partner, a bank operator is just "the bank". */
const actorOf = (e: PaymentEvent, audience: Audience) =>
  e.actorType === 'USER'
    ? { type: 'USER' as const, userId: e.actorId }
    : e.actorType === 'OPERATOR'
      ? audience === 'operator'
        ? { type: 'OPERATOR' as const, operatorId: e.actorId }
        : { type: 'BANK' as const }
      : { type: 'SYSTEM' as const };

export const presentSummary = (row: PaymentRow, audience: Audience = 'cabinet') => ({
  id: row.id,
  number: row.number,
  status: row.status,
  version: row.version,
  debitIban: row.debitIban,
  amount: formatMoney(row.amountTiyn),
  currency: 'KZT' as const,
  beneficiary: {
    name: row.beneficiaryName,
    binIin: row.beneficiaryBinIin,
    iban: row.beneficiaryIban,
    bic: row.beneficiaryBic,
    kbe: row.kbe,
  },
  knp: row.knp,
  purpose: row.purpose,
  valueDate: row.valueDate.toISOString().slice(0, 10),
  authorId: row.authorId,
  requiredConfirmations: row.requiredConfirmations,
  expiresAt: iso(row.expiresAt),
  refusal: row.refusalCode === null ? null : { code: row.refusalCode, reason: row.refusalReason },
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  submittedAt: iso(row.submittedAt),
  executedAt: iso(row.executedAt),
  ...(audience === 'operator'
    ? { partnerId: row.partnerId, hold: row.holdStatus === null ? null : { status: row.holdStatus, deadline: iso(row.holdDeadline) } }
    : {}),
});

/** One document with the confirmations of its current version and its timeline: who did what, when. */
export const presentPayment = (row: PaymentRow, confirmations: PaymentConfirmation[], events: PaymentEvent[], audience: Audience = 'cabinet') => ({
  ...presentSummary(row, audience),
  confirmations: confirmations.map((c) => ({ userId: c.userId, version: c.version, confirmedAt: c.confirmedAt.toISOString() })),
  timeline: events
    .filter((e) => audience === 'operator' || !BANK_INTERNAL.has(e.type))
    .map((e) => ({ type: e.type, at: e.occurredAt.toISOString(), actor: actorOf(e, audience), version: e.version, details: e.details })),
});

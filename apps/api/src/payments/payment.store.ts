import { Injectable } from '@nestjs/common';
import { DEFAULT_APPROVAL_POLICY, debitAccountRefusal, type ApprovalPolicy, type ApprovalRule, type PaymentDocumentFields } from '@domain/payment';
import type { Actor } from '@domain/access-level';
import { domainError } from '@domain/domain-error';
import { paymentNotFound } from '@domain/payment/payment.errors';
import { PrismaService, type Payment } from '@infra/prisma/prisma.service';
import type { PaymentDocumentRecord } from '@workflows/payment/payment.messages';
import { DomainProblem } from '../common/problem';

export type PaymentRow = Payment;

export const closedDocument = (status: string) =>
  new DomainProblem(
    domainError('PAYMENT.TRANSITION_NOT_ALLOWED', 'CONFLICT', `The document is ${status.toLowerCase()}; nothing more can be done with it.`, {
      state: status,
    }),
  );

/** The stored document as the workflow and its activities carry it (money as a tiyn string). */
export const documentRecordOf = (row: PaymentRow): PaymentDocumentRecord => ({
  debitIban: row.debitIban,
  amountTiyn: row.amountTiyn.toString(),
  beneficiary: {
    name: row.beneficiaryName,
    binIin: row.beneficiaryBinIin,
    iban: row.beneficiaryIban,
    bic: row.beneficiaryBic,
    kbe: row.kbe,
  },
  knp: row.knp,
  purpose: row.purpose,
});

export const documentFieldsOf = (row: PaymentRow): PaymentDocumentFields => ({
  ...documentRecordOf(row),
  amountTiyn: row.amountTiyn,
});

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

/** Reads of payment documents and what they depend on, always within one partner. */
@Injectable()
export class PaymentStore {
  constructor(private readonly prisma: PrismaService) {}

  /** The partner's own document; another partner's is as if it did not exist (404). */
  async find(paymentId: string, partnerId: string): Promise<PaymentRow> {
    const row = await this.prisma.payment.findFirst({ where: { id: paymentId, partnerId } });
    if (!row) throw new DomainProblem(paymentNotFound());
    return row;
  }

  /** 422 unless the debit account is one of the partner's. */
  async assertOwnAccount(partnerId: string, debitIban: string): Promise<void> {
    const own = await this.prisma.account.findMany({ where: { partnerId, iban: debitIban }, select: { iban: true } });
    const refusal = debitAccountRefusal(
      debitIban,
      own.map((a) => a.iban),
    );
    if (refusal) throw new DomainProblem(refusal);
  }

  /** The partner's approval policy, or the default (one confirmation; the author may confirm). */
  async policy(partnerId: string): Promise<ApprovalPolicy & { version: number }> {
    const row = await this.prisma.approvalPolicy.findUnique({ where: { partnerId } });
    if (!row) return { ...DEFAULT_APPROVAL_POLICY, rules: [], version: 0 };
    return { rules: row.rules as unknown as ApprovalRule[], authorMayConfirm: row.authorMayConfirm, version: row.version };
  }
}

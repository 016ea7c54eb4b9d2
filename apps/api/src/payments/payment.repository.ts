import { Injectable } from '@nestjs/common';
import { DEFAULT_APPROVAL_POLICY, debitAccountRefusal, type ApprovalPolicy, type ApprovalRule } from '@domain/payment';
import type { DomainError } from '@domain/domain-error';
import { paymentNotFound } from '@domain/payment/payment.errors';
import { refused, success, type Outcome } from '@domain/refusal';
import { PrismaService, type Payment, type Prisma } from '@infra/prisma/prisma.service';
import { afterKeyset, decodeKeysetCursor, encodeKeysetCursor } from '../common/keyset-cursor';
import { presentPayment, presentSummary, type Audience } from './payment.mapper';

export type PaymentRow = Payment;

export interface PageRequest {
  cursor?: string;
  limit: number;
}

/**
 * Reads of payment documents and what they depend on. A cabinet reads within its partner
 * only: another partner's document is as if it did not exist (404). The rows are the
 * workflow's projection; nothing here writes a document after its creation.
 */
@Injectable()
export class PaymentRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The partner's own document; with no partner (an operator), any document. */
  async find(paymentId: string, partnerId?: string): Promise<Outcome<PaymentRow>> {
    const row = await this.prisma.payment.findFirst({ where: { id: paymentId, ...(partnerId === undefined ? {} : { partnerId }) } });
    return row ? success(row) : refused(paymentNotFound());
  }

  /** 422 unless the debit account is one of the partner's. */
  async debitAccountRefusal(partnerId: string, debitIban: string): Promise<DomainError | null> {
    const own = await this.prisma.account.findMany({ where: { partnerId, iban: debitIban }, select: { iban: true } });
    return debitAccountRefusal(
      debitIban,
      own.map((a) => a.iban),
    );
  }

  /** The partner's approval policy, or the default (one confirmation; the author may confirm). */
  async policy(partnerId: string): Promise<ApprovalPolicy & { version: number }> {
    const row = await this.prisma.approvalPolicy.findUnique({ where: { partnerId } });
    if (!row) return { ...DEFAULT_APPROVAL_POLICY, rules: [], version: 0 };
    return { rules: row.rules as unknown as ApprovalRule[], authorMayConfirm: row.authorMayConfirm, version: row.version };
  }

  /** A page of documents, newest first, by cursor. */
  async page(where: Prisma.PaymentWhereInput, page: PageRequest, audience: Audience) {
    const after = page.cursor === undefined ? undefined : decodeKeysetCursor(page.cursor);
    const rows = await this.prisma.payment.findMany({
      where: { ...where, ...afterKeyset(after) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: page.limit + 1,
    });
    const items = rows.slice(0, page.limit);
    return {
      items: items.map((row) => presentSummary(row, audience)),
      nextCursor: rows.length > page.limit ? encodeKeysetCursor(items[items.length - 1]!) : null,
    };
  }

  /** The document with the confirmations of its current version and its timeline. */
  async detail(row: PaymentRow, audience: Audience) {
    const [confirmations, events] = await Promise.all([
      this.prisma.paymentConfirmation.findMany({
        where: { paymentId: row.id, version: row.version, voidedAt: null },
        orderBy: { confirmedAt: 'asc' },
      }),
      this.prisma.paymentEvent.findMany({ where: { paymentId: row.id }, orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] }),
    ]);
    return presentPayment(row, confirmations, events, audience);
  }
}

import { Injectable } from '@nestjs/common';
import { PrismaService, type Prisma } from '@infra/prisma/prisma.service';
import { afterKeyset, decodeKeysetCursor, encodeKeysetCursor } from '../common/keyset-cursor';
import { presentPayment, presentSummary, type Audience } from './payment.presenter';
import { PaymentStore, type PaymentRow } from './payment.store';

interface Page {
  cursor?: string;
  limit: number;
}

/** Reads of documents: a partner's own (cabinet) or any (operator), newest first, by cursor. */
@Injectable()
export class PaymentQueriesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly store: PaymentStore,
  ) {}

  async list(where: Prisma.PaymentWhereInput, page: Page, audience: Audience) {
    const after = page.cursor === undefined ? undefined : decodeKeysetCursor(page.cursor);
    const rows = await this.prisma.payment.findMany({
      where: {
        ...where,
        ...afterKeyset(after),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: page.limit + 1,
    });
    const items = rows.slice(0, page.limit);
    return {
      items: items.map((row) => presentSummary(row, audience)),
      nextCursor: rows.length > page.limit ? encodeKeysetCursor(items[items.length - 1]!) : null,
    };
  }

  /** The partner's own document (404 otherwise). */
  async ofPartner(paymentId: string, partnerId: string) {
    return this.detail(await this.store.find(paymentId, partnerId), 'cabinet');
  }

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

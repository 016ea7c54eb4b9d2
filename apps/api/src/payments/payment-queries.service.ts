import { HttpException, Injectable } from '@nestjs/common';
import { PrismaService, type Prisma } from '../../../../libs/infra/src/prisma/prisma.service';
import { parseInstant } from '../../../../libs/domain/src/values';
import { problem } from '../common/problem';
import { presentPayment, presentSummary, type Audience } from './payment.presenter';
import { PaymentStore, type PaymentRow } from './payment.store';

interface Page {
  cursor?: string;
  limit: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const encodeCursor = (row: PaymentRow) => Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString('base64url');

const decodeCursor = (cursor: string): { createdAt: Date; id: string } => {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    // A forged cursor must not reach PostgreSQL as an impossible uuid or timestamp (a 500 there).
    const createdAt = parseInstant(at);
    if (typeof id === 'string' && UUID.test(id) && createdAt.ok) return { createdAt: new Date(createdAt.value), id };
  } catch {
    /* reported below */
  }
  const message = 'must be a nextCursor from a previous page';
  throw new HttpException(problem(400, `cursor ${message}`, { code: 'REQUEST.INVALID', errors: [{ path: 'cursor', message }] }), 400);
};

/** Reads of documents: a partner's own (cabinet) or any (operator), newest first, by cursor. */
@Injectable()
export class PaymentQueriesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly store: PaymentStore,
  ) {}

  async list(where: Prisma.PaymentWhereInput, page: Page, audience: Audience) {
    const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
    const rows = await this.prisma.payment.findMany({
      where: {
        ...where,
        ...(after && { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: page.limit + 1,
    });
    const items = rows.slice(0, page.limit);
    return {
      items: items.map((row) => presentSummary(row, audience)),
      nextCursor: rows.length > page.limit ? encodeCursor(items[items.length - 1]!) : null,
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

import { Injectable } from '@nestjs/common';
import type { PaymentStatus } from '@domain/payment';
import { success, type Outcome } from '@domain/refusal';
import type { Prisma } from '@infra/prisma/prisma.service';
import { PaymentRepository, type PageRequest } from '../payment.repository';

export interface PaymentListQuery extends PageRequest {
  /** `ON_HOLD` (operators only): the compliance queue (§2.4). */
  status?: PaymentStatus | 'ON_HOLD';
  /** Created within [from, to), epoch ms. */
  from?: number;
  to?: number;
}

type Page = Awaited<ReturnType<PaymentRepository['page']>>;

/** Documents newest first, by cursor: a partner's own (cabinet, §1.2), or every partner's (operators, §2.4). */
@Injectable()
export class ListPaymentsUseCase {
  constructor(private readonly payments: PaymentRepository) {}

  /** `partnerId` null: an operator's list, with the hold shown. */
  async execute(partnerId: string | null, query: PaymentListQuery): Promise<Outcome<Page>> {
    const { status, from, to } = query;
    const where: Prisma.PaymentWhereInput = {
      ...(partnerId !== null && { partnerId }),
      ...(status === 'ON_HOLD' ? { holdStatus: 'ON_HOLD' } : status && { status }),
      ...((from !== undefined || to !== undefined) && { createdAt: { gte: maybeDate(from), lt: maybeDate(to) } }),
    };
    return success(await this.payments.page(where, query, partnerId === null ? 'operator' : 'cabinet'));
  }
}

const maybeDate = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms));

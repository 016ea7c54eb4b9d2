import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { paymentCreationRefusal, paymentValueDate, type PaymentDocumentFields } from '../../../../libs/domain/src/payment';
import { PrismaService } from '../../../../libs/infra/src/prisma/prisma.service';
import { ENV } from '../../../../libs/infra/src/tokens';
import type { CabinetActor } from '../auth/cabinet-actor';
import { DomainProblem } from '../common/problem';
import type { ApiEnv } from '../config/api-env';
import type { ClientInfo } from '../login-protection/client-info';
import { PaymentAudit } from './payment-audit';
import { dateColumn, documentColumns } from './payment-draft';
import { PaymentStore } from './payment.store';

/**
 * A new draft (§1.2.2) by any active user of the partner. Its number comes from the
 * partner's counter row, incremented in the same transaction as the insert: a failed
 * insert gives the number back, concurrent creations queue on the row — no gaps, no twins.
 */
@Injectable()
export class CreatePaymentService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly store: PaymentStore,
    private readonly audit: PaymentAudit,
    @Inject(ENV) private readonly env: ApiEnv,
  ) {}

  async create(actor: CabinetActor, doc: PaymentDocumentFields, caller: ClientInfo) {
    const refusal = paymentCreationRefusal(actor, doc.amountTiyn.toString());
    if (refusal) throw new DomainProblem(refusal);
    await this.store.assertOwnAccount(actor.partnerId, doc.debitIban);
    const id = randomUUID();
    const now = Date.now();
    const valueDate = paymentValueDate(now, { cutOffMinutes: this.env.PAYMENT_CUT_OFF, holidays: this.env.BANK_HOLIDAYS });
    const number = await this.prisma.$transaction(async (tx) => {
      const [counter] = await tx.$queryRaw<{ last_number: number }[]>`
        INSERT INTO payment_counters (partner_id, last_number) VALUES (${actor.partnerId}::uuid, 1)
        ON CONFLICT (partner_id) DO UPDATE SET last_number = payment_counters.last_number + 1
        RETURNING last_number`;
      const taken = counter!.last_number;
      await tx.payment.create({
        data: {
          id,
          partnerId: actor.partnerId,
          number: taken,
          authorId: actor.userId,
          ...documentColumns(doc),
          valueDate: dateColumn(valueDate),
          createdAt: new Date(now),
        },
      });
      await tx.paymentEvent.create({
        data: {
          paymentId: id,
          key: `payment-${id}/created`,
          type: 'CREATED',
          actorType: 'USER',
          actorId: actor.userId,
          version: 1,
          details: { number: taken },
          occurredAt: new Date(now),
        },
      });
      await this.audit.byUserIn(tx, actor, caller, 'payment.create', { type: 'payment', id }, { number: taken });
      return taken;
    });
    return { id, number, status: 'DRAFT' as const };
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { paymentCreationRefusal, paymentValueDate, type PaymentDocumentFields } from '@domain/payment';
import { PrismaService } from '@infra/prisma/prisma.service';
import { ENV } from '@infra/tokens';
import { paymentWorkflowId } from '@workflows/payment/payment.messages';
import type { CabinetActor } from '../auth/cabinet-actor';
import { DomainProblem } from '../common/problem';
import type { ApiEnv } from '../config/api-env';
import type { ClientInfo } from '../common/client-info';
import { PaymentAudit } from './payment-audit';
import { PaymentWorkflowGateway } from './payment-workflow.gateway';
import { PaymentStore } from './payment.store';

/**
 * A new draft (§1.2.2) by any active user of the partner. Its number comes from the
 * partner's counter row, incremented in the same transaction as the insert: a failed
 * insert gives the number back, concurrent creations queue on the row — no gaps, no twins.
 * The row names its workflow from the start, and the workflow is started with the draft:
 * from then on it alone writes the document.
 */
@Injectable()
export class CreatePaymentService {
  private readonly logger = new Logger(CreatePaymentService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly store: PaymentStore,
    private readonly workflows: PaymentWorkflowGateway,
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
    const row = await this.prisma.$transaction(async (tx) => {
      const [counter] = await tx.$queryRaw<{ last_number: number }[]>`
        INSERT INTO payment_counters (partner_id, last_number) VALUES (${actor.partnerId}::uuid, 1)
        ON CONFLICT (partner_id) DO UPDATE SET last_number = payment_counters.last_number + 1
        RETURNING last_number`;
      const taken = counter!.last_number;
      const created = await tx.payment.create({
        data: {
          id,
          partnerId: actor.partnerId,
          number: taken,
          authorId: actor.userId,
          workflowId: paymentWorkflowId(id),
          ...documentColumns(doc),
          valueDate: new Date(`${valueDate}T00:00:00Z`),
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
      return created;
    });
    // The draft is committed: if its workflow can't be started now, the next command starts it
    // from the stored row (update-with-start), so the creation stands.
    await this.workflows.start(row).catch((error: unknown) => {
      this.logger.warn({ paymentId: id, error: String(error) }, 'payment workflow not started with its draft; the next command starts it');
    });
    return { id, number: row.number, status: 'DRAFT' as const };
  }
}

/** The document's columns of the `payments` row. */
const documentColumns = (doc: PaymentDocumentFields) => ({
  debitIban: doc.debitIban,
  amountTiyn: doc.amountTiyn,
  beneficiaryName: doc.beneficiary.name,
  beneficiaryBinIin: doc.beneficiary.binIin,
  beneficiaryIban: doc.beneficiary.iban,
  beneficiaryBic: doc.beneficiary.bic,
  kbe: doc.beneficiary.kbe,
  knp: doc.knp,
  purpose: doc.purpose,
});

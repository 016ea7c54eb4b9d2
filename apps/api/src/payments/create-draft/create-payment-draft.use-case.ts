import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { paymentCreationRefusal, paymentValueDate, type PaymentDocumentFields } from '@domain/payment';
import { refused, success, type Outcome } from '@domain/refusal';
import { PrismaService } from '@infra/prisma/prisma.service';
import { ENV } from '@infra/tokens';
import { paymentWorkflowId } from '@workflows/payment/payment.messages';
import type { CabinetActor } from '../../auth/cabinet-actor';
import { AuditLog } from '../../common/audit-log.service';
import type { ClientInfo } from '../../common/client-info';
import type { ApiEnv } from '../../config/api-env';
import { PaymentRepository } from '../payment.repository';
import { PaymentWorkflowService } from '../payment-workflow.service';

/**
 * A new draft (§1.2.2) by any active user of the partner. Its number comes from the
 * partner's counter row, incremented in the same transaction as the insert: a failed
 * insert gives the number back, concurrent creations queue on the row — no gaps, no twins.
 * The row names its workflow from the start, and the workflow is started with the draft:
 * from then on it alone writes the document.
 */
@Injectable()
export class CreatePaymentDraftUseCase {
  private readonly logger = new Logger(CreatePaymentDraftUseCase.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly payments: PaymentRepository,
    private readonly workflows: PaymentWorkflowService,
    private readonly audit: AuditLog,
    @Inject(ENV) private readonly env: ApiEnv,
  ) {}

  async execute(actor: CabinetActor, doc: PaymentDocumentFields, caller: ClientInfo): Promise<Outcome<{ id: string; number: number; status: 'DRAFT' }>> {
    const refusal = paymentCreationRefusal(actor, doc.amountTiyn.toString()) ?? (await this.payments.debitAccountRefusal(actor.partnerId, doc.debitIban));
    if (refusal) return refused(refusal);
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
      // §1.15: recorded with the insert, so the draft and its record commit together or not at all.
      await this.audit.within(tx, {
        by: { userId: actor.userId, partnerId: actor.partnerId },
        caller,
        action: 'payment.create',
        target: { type: 'payment', id },
        details: { number: taken },
      });
      return created;
    });
    // The draft is committed: if its workflow can't be started now, the next command starts it
    // from the stored row (update-with-start), so the creation stands.
    await this.workflows.start(row).catch((error: unknown) => {
      this.logger.warn({ paymentId: id, error: String(error) }, 'payment workflow not started with its draft; the next command starts it');
    });
    return success({ id, number: row.number, status: 'DRAFT' as const });
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

import { Injectable } from '@nestjs/common';
import type { PaymentStatus } from '@domain/payment';
import { success, type Outcome } from '@domain/refusal';
import { returnPaymentUpdate } from '@workflows/payment/payment.messages';
import type { CabinetActor } from '../../auth/cabinet-actor';
import { AuditLog } from '../../common/audit-log.service';
import type { ClientInfo } from '../../common/client-info';
import { domainActor } from '../payment.mapper';
import { PaymentRepository } from '../payment.repository';
import { PaymentWorkflowService } from '../payment-workflow.service';

/** Back to draft with a reason (§1.2.2); every confirmation is void. A draft never submitted is refused by the workflow's aggregate (409). */
@Injectable()
export class ReturnPaymentUseCase {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly workflows: PaymentWorkflowService,
    private readonly audit: AuditLog,
  ) {}

  async execute(
    actor: CabinetActor,
    paymentId: string,
    reason: string,
    caller: ClientInfo,
  ): Promise<Outcome<{ id: string; status: PaymentStatus; version: number }>> {
    const found = await this.payments.find(paymentId, actor.partnerId);
    if (!found.ok) return found;
    const row = found.value;
    const result = await this.workflows.send(row, returnPaymentUpdate, { actor: domainActor(actor), reason });
    if (!result.ok) return result;
    // The workflow's activity writes the return; the API records who asked (§1.15).
    await this.audit.alone({
      by: { userId: actor.userId, partnerId: actor.partnerId },
      caller,
      action: 'payment.return',
      target: { type: 'payment', id: row.id },
      details: { version: result.value.version },
    });
    return success({ id: row.id, ...result.value });
  }
}

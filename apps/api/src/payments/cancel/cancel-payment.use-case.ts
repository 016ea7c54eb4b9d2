import { Injectable } from '@nestjs/common';
import type { PaymentStatus } from '@domain/payment';
import { success, type Outcome } from '@domain/refusal';
import { cancelPaymentUpdate } from '@workflows/payment/payment.messages';
import type { CabinetActor } from '../../auth/cabinet-actor';
import type { ClientInfo } from '../../common/client-info';
import { domainActor, requestOrigin } from '../payment.mapper';
import { PaymentRepository } from '../payment.repository';
import { PaymentWorkflowService } from '../payment-workflow.service';

/** Cancels the document (§1.2.2), decided by its workflow's aggregate. */
@Injectable()
export class CancelPaymentUseCase {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly workflows: PaymentWorkflowService,
  ) {}

  async execute(actor: CabinetActor, paymentId: string, caller: ClientInfo): Promise<Outcome<{ id: string; status: PaymentStatus }>> {
    const found = await this.payments.find(paymentId, actor.partnerId);
    if (!found.ok) return found;
    const row = found.value;
    // Audited by the workflow's write of the cancellation, in its transaction (§1.15).
    const result = await this.workflows.send(row, cancelPaymentUpdate, { actor: domainActor(actor), origin: requestOrigin(caller) });
    return result.ok ? success({ id: row.id, ...result.value }) : result;
  }
}

import { Injectable } from '@nestjs/common';
import type { PaymentStatus } from '@domain/payment';
import { success, type Outcome } from '@domain/refusal';
import { returnPaymentUpdate } from '@workflows/payment/payment.messages';
import type { CabinetActor } from '../../auth/cabinet-actor';
import type { ClientInfo } from '../../common/client-info';
import { domainActor, requestOrigin } from '../payment.mapper';
import { PaymentRepository } from '../payment.repository';
import { PaymentWorkflowService } from '../payment-workflow.service';

/** Back to draft with a reason (§1.2.2); every confirmation is void. A draft never submitted is refused by the workflow's aggregate (409). */
@Injectable()
export class ReturnPaymentUseCase {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly workflows: PaymentWorkflowService,
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
    // Audited by the workflow's write of the return, in its transaction (§1.15).
    const result = await this.workflows.send(row, returnPaymentUpdate, { actor: domainActor(actor), reason, origin: requestOrigin(caller) });
    return result.ok ? success({ id: row.id, ...result.value }) : result;
  }
}

import { Injectable } from '@nestjs/common';
import { success, type Outcome } from '@domain/refusal';
import { requestConfirmationUpdate } from '@workflows/payment/payment.messages';
import type { CabinetActor } from '../../auth/cabinet-actor';
import type { ClientInfo } from '../../common/client-info';
import { domainActor, requestOrigin } from '../payment.mapper';
import { PaymentRepository } from '../payment.repository';
import { PaymentWorkflowService } from '../payment-workflow.service';

/**
 * Sends a full-access user (§1.2.1) a one-time code bound to this version of this document
 * (§1.13). A draft has nothing to confirm: the workflow's aggregate says so (409).
 */
@Injectable()
export class RequestConfirmationCodeUseCase {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly workflows: PaymentWorkflowService,
  ) {}

  async execute(actor: CabinetActor, paymentId: string, caller: ClientInfo): Promise<Outcome<{ challengeId: string; expiresAt: string }>> {
    const found = await this.payments.find(paymentId, actor.partnerId);
    if (!found.ok) return found;
    const row = found.value;
    // Audited by the workflow's write of the new challenge, in its transaction, before the code is sent (§1.15).
    const sent = await this.workflows.send(row, requestConfirmationUpdate, { actor: domainActor(actor), origin: requestOrigin(caller) });
    return sent.ok ? success(sent.value) : sent;
  }
}

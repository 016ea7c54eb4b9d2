import { Injectable } from '@nestjs/common';
import type { PaymentStatus } from '@domain/payment';
import { success, type Outcome } from '@domain/refusal';
import { submitPaymentUpdate } from '@workflows/payment/payment.messages';
import type { CabinetActor } from '../../auth/cabinet-actor';
import type { ClientInfo } from '../../common/client-info';
import { domainActor, requestOrigin } from '../payment.mapper';
import { PaymentRepository } from '../payment.repository';
import { PaymentWorkflowService } from '../payment-workflow.service';

/**
 * Sends the document for confirmation (§1.2.2) under the partner's approval policy as it is
 * now: the workflow keeps that snapshot, and the domain's `requiredConfirmations` (§1.2.1)
 * decides from it how many confirmations this document needs.
 */
@Injectable()
export class SubmitPaymentUseCase {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly workflows: PaymentWorkflowService,
  ) {}

  async execute(actor: CabinetActor, paymentId: string, caller: ClientInfo): Promise<Outcome<{ status: PaymentStatus; requiredConfirmations: number }>> {
    const found = await this.payments.find(paymentId, actor.partnerId);
    if (!found.ok) return found;
    const row = found.value;
    const { version, rules, authorMayConfirm } = await this.payments.policy(actor.partnerId);
    // Audited by the workflow's write of the submission, in its transaction (§1.15): who asked, under which policy version.
    const submit = { actor: domainActor(actor), policy: { rules, authorMayConfirm }, origin: requestOrigin(caller), policyVersion: version };
    const result = await this.workflows.send(row, submitPaymentUpdate, submit);
    if (!result.ok) return result;
    const { status, requiredConfirmations } = result.value;
    return success({ status, requiredConfirmations });
  }
}

import { Injectable } from '@nestjs/common';
import type { ComplianceHoldStatus, PaymentStatus } from '@domain/payment';
import { success, type Outcome } from '@domain/refusal';
import { complianceDecisionUpdate } from '@workflows/payment/payment.messages';
import type { ClientInfo } from '../../common/client-info';
import { requestOrigin } from '../payment.mapper';
import { PaymentRepository } from '../payment.repository';
import { PaymentWorkflowService } from '../payment-workflow.service';

export type HoldDecision = { decision: 'EXECUTE' } | { decision: 'REFUSE'; reason: string };

/**
 * A bank operator's decision on a payment held for compliance review (§2.4): execute, or refuse
 * with a reason shown to the partner. A document not on hold (a draft, say) is refused by its
 * workflow's aggregate (PAYMENT.NOT_ON_HOLD).
 */
@Injectable()
export class DecidePaymentHoldUseCase {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly workflows: PaymentWorkflowService,
  ) {}

  async execute(
    paymentId: string,
    operatorId: string,
    decision: HoldDecision,
    caller: ClientInfo,
  ): Promise<Outcome<{ id: string; status: PaymentStatus; hold: ComplianceHoldStatus }>> {
    const found = await this.payments.find(paymentId);
    if (!found.ok) return found;
    const row = found.value;
    // Audited (which operator decided what) by the workflow's write of the step the decision leads to, in its transaction (§1.15).
    const result = await this.workflows.send(row, complianceDecisionUpdate, { operatorId, ...decision, origin: requestOrigin(caller) });
    return result.ok ? success({ id: row.id, ...result.value }) : result;
  }
}

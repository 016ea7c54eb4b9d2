import { Injectable } from '@nestjs/common';
import { success, type Outcome } from '@domain/refusal';
import { requestConfirmationUpdate } from '@workflows/payment/payment.messages';
import type { CabinetActor } from '../../auth/cabinet-actor';
import { AuditLog } from '../../common/audit-log.service';
import type { ClientInfo } from '../../common/client-info';
import { domainActor } from '../payment.mapper';
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
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: CabinetActor, paymentId: string, caller: ClientInfo): Promise<Outcome<{ challengeId: string; expiresAt: string }>> {
    const found = await this.payments.find(paymentId, actor.partnerId);
    if (!found.ok) return found;
    const row = found.value;
    const sent = await this.workflows.send(row, requestConfirmationUpdate, { actor: domainActor(actor) });
    if (!sent.ok) return sent;
    await this.audit.alone({
      by: { userId: actor.userId, partnerId: actor.partnerId },
      caller,
      action: 'payment.confirmation.request',
      target: { type: 'payment', id: row.id },
      details: { challengeId: sent.value.challengeId },
    });
    return success(sent.value);
  }
}

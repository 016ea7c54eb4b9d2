import { Injectable } from '@nestjs/common';
import { challengeNotFound, wrongCode, type PaymentStatus } from '@domain/payment';
import { refused, success, type Outcome } from '@domain/refusal';
import { OneTimeCodes } from '@infra/codes/one-time-codes';
import { checkConfirmationCodeUpdate, paymentCodeScope } from '@workflows/payment/payment.messages';
import type { CabinetActor } from '../../auth/cabinet-actor';
import { AuditLog } from '../../common/audit-log.service';
import type { ClientInfo } from '../../common/client-info';
import { domainActor } from '../payment.mapper';
import { PaymentRepository } from '../payment.repository';
import { PaymentWorkflowService } from '../payment-workflow.service';

type Confirmed = { status: PaymentStatus; confirmations: number; requiredConfirmations: number };

/**
 * One confirmation of a document by a full-access user (§1.2.1) with the code sent for it (§1.13).
 * The code is checked here against its HMAC; the workflow hears only right or wrong, and counts
 * the attempts (§1.11: the last wrong one blocks the code).
 */
@Injectable()
export class ConfirmPaymentUseCase {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly workflows: PaymentWorkflowService,
    private readonly codes: OneTimeCodes,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: CabinetActor, paymentId: string, challengeId: string, code: string, caller: ClientInfo): Promise<Outcome<Confirmed>> {
    const found = await this.payments.find(paymentId, actor.partnerId);
    if (!found.ok) return found;
    const row = found.value;
    // The scope names the document, so a challenge of another document is unknown here.
    const verdict = await this.codes.check(paymentCodeScope(row.id, challengeId), code);
    if (!verdict) return refused(challengeNotFound());
    const sent = await this.workflows.send(row, checkConfirmationCodeUpdate, { actor: domainActor(actor), challengeId, correct: verdict.correct });
    if (!sent.ok) return sent;
    const result = sent.value;
    // The workflow's activity writes the confirmation (or the counted attempt); the API records who tried (§1.15).
    const fact = { by: { userId: actor.userId, partnerId: actor.partnerId }, caller, action: 'payment.confirm', target: { type: 'payment', id: row.id } };
    if (result.outcome === 'WRONG') {
      await this.audit.alone({ ...fact, outcome: 'FAILURE', details: { challengeId, attemptsLeft: result.attemptsLeft } });
      return refused(wrongCode(result.attemptsLeft, result.locked));
    }
    await this.audit.alone({ ...fact, details: { challengeId, confirmations: result.confirmations, status: result.status } });
    return success({ status: result.status, confirmations: result.confirmations, requiredConfirmations: result.requiredConfirmations });
  }
}

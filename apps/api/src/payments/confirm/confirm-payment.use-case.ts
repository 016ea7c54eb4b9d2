import { Injectable } from '@nestjs/common';
import { challengeNotFound, wrongCode, type PaymentStatus } from '@domain/payment';
import { refused, success, type Outcome } from '@domain/refusal';
import { OneTimeCodes } from '@infra/codes/one-time-codes';
import { checkConfirmationCodeUpdate, paymentCodeScope } from '@workflows/payment/payment.messages';
import type { CabinetActor } from '../../auth/cabinet-actor';
import { AuditLog } from '../../common/audit-log.service';
import type { ClientInfo } from '../../common/client-info';
import { domainActor, requestOrigin } from '../payment.mapper';
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
    // A right code's confirmation is audited by the workflow's write of it, in its transaction (§1.15).
    const check = { actor: domainActor(actor), challengeId, correct: verdict.correct, origin: requestOrigin(caller) };
    const sent = await this.workflows.send(row, checkConfirmationCodeUpdate, check);
    if (!sent.ok) return sent;
    const result = sent.value;
    if (result.outcome === 'WRONG') {
      // A refusal: recorded here, on its own.
      await this.audit.alone({
        by: { userId: actor.userId, partnerId: actor.partnerId },
        caller,
        action: 'payment.confirm',
        target: { type: 'payment', id: row.id },
        outcome: 'FAILURE',
        details: { challengeId, attemptsLeft: result.attemptsLeft },
      });
      return refused(wrongCode(result.attemptsLeft, result.locked));
    }
    return success({ status: result.status, confirmations: result.confirmations, requiredConfirmations: result.requiredConfirmations });
  }
}

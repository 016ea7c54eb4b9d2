import { HttpException, Injectable } from '@nestjs/common';
import { challengeNotFound, wrongCode } from '@domain/payment';
import { OneTimeCodes } from '@infra/codes/one-time-codes';
import { checkConfirmationCodeUpdate, paymentCodeScope, requestConfirmationUpdate } from '@workflows/payment/payment.messages';
import type { CabinetActor } from '../auth/cabinet-actor';
import { DomainProblem, problemFromDomain } from '../common/problem';
import type { ClientInfo } from '../common/client-info';
import { PaymentAudit } from './payment-audit';
import { PaymentWorkflowGateway } from './payment-workflow.gateway';
import { domainActor, PaymentStore } from './payment.store';

/**
 * Confirmations of a document by full-access users (§1.2.1), each with a one-time code
 * sent to the confirming user's phone and bound to this version of this document (§1.13).
 * The code is checked here against its HMAC; the workflow hears only right or wrong.
 */
@Injectable()
export class PaymentConfirmationsService {
  constructor(
    private readonly store: PaymentStore,
    private readonly workflows: PaymentWorkflowGateway,
    private readonly codes: OneTimeCodes,
    private readonly audit: PaymentAudit,
  ) {}

  async request(actor: CabinetActor, paymentId: string, caller: ClientInfo) {
    const row = await this.store.find(paymentId, actor.partnerId);
    // A draft has nothing to confirm: the workflow's aggregate says so (409).
    const sent = await this.workflows.send(row, requestConfirmationUpdate, { actor: domainActor(actor) });
    await this.audit.byUser(actor, caller, 'payment.confirmation.request', { type: 'payment', id: row.id }, { challengeId: sent.challengeId });
    return sent;
  }

  async verify(actor: CabinetActor, paymentId: string, challengeId: string, code: string, caller: ClientInfo) {
    const row = await this.store.find(paymentId, actor.partnerId);
    // The scope names the document, so a challenge of another document is unknown here.
    const verdict = await this.codes.check(paymentCodeScope(row.id, challengeId), code);
    if (!verdict) throw new DomainProblem(challengeNotFound());
    const target = { type: 'payment', id: row.id };
    const result = await this.workflows.send(row, checkConfirmationCodeUpdate, { actor: domainActor(actor), challengeId, correct: verdict.correct });
    if (result.outcome === 'WRONG') {
      await this.audit.byUser(actor, caller, 'payment.confirm', target, { challengeId, attemptsLeft: result.attemptsLeft }, 'FAILURE');
      const refusal = problemFromDomain(wrongCode(result.attemptsLeft, result.locked));
      throw new HttpException({ ...refusal, errors: [{ path: 'code', message: refusal.detail }] }, 400);
    }
    await this.audit.byUser(actor, caller, 'payment.confirm', target, { challengeId, confirmations: result.confirmations, status: result.status });
    return { status: result.status, confirmations: result.confirmations, requiredConfirmations: result.requiredConfirmations };
  }
}

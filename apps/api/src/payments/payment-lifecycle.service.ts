import { Injectable } from '@nestjs/common';
import { cancelPaymentUpdate, returnPaymentUpdate, submitPaymentUpdate } from '@workflows/payment/payment.messages';
import type { CabinetActor } from '../auth/cabinet-actor';
import type { ClientInfo } from '../common/client-info';
import { PaymentAudit, requestOrigin } from './payment-audit';
import { PaymentWorkflowGateway } from './payment-workflow.gateway';
import { domainActor, PaymentStore } from './payment.store';

/** Submit, return to draft and cancel (§1.2.2): the document's workflow decides, from its creation on. */
@Injectable()
export class PaymentLifecycleService {
  constructor(
    private readonly store: PaymentStore,
    private readonly workflows: PaymentWorkflowGateway,
    private readonly audit: PaymentAudit,
  ) {}

  /** Submits with the partner's approval policy as it is now: the workflow keeps that snapshot (§1.2.1). */
  async submit(actor: CabinetActor, paymentId: string, caller: ClientInfo) {
    const row = await this.store.find(paymentId, actor.partnerId);
    const { version, ...snapshot } = await this.store.policy(actor.partnerId);
    const policy = { rules: snapshot.rules, authorMayConfirm: snapshot.authorMayConfirm };
    const result = await this.workflows.send(row, submitPaymentUpdate, { actor: domainActor(actor), policy });
    await this.audit.byUser(
      actor,
      caller,
      'payment.submit',
      { type: 'payment', id: row.id },
      {
        requiredConfirmations: result.requiredConfirmations,
        policyVersion: version,
      },
    );
    return { status: result.status, requiredConfirmations: result.requiredConfirmations };
  }

  /** A draft never submitted can't be returned: the workflow's aggregate says why (409). */
  async returnToDraft(actor: CabinetActor, paymentId: string, reason: string, caller: ClientInfo) {
    const row = await this.store.find(paymentId, actor.partnerId);
    const result = await this.workflows.send(row, returnPaymentUpdate, { actor: domainActor(actor), reason });
    await this.audit.byUser(actor, caller, 'payment.return', { type: 'payment', id: row.id }, { version: result.version });
    return { id: row.id, ...result };
  }

  async cancel(actor: CabinetActor, paymentId: string, caller: ClientInfo) {
    const row = await this.store.find(paymentId, actor.partnerId);
    // Audited by the workflow's write of the cancellation, in its transaction (§1.15).
    const result = await this.workflows.send(row, cancelPaymentUpdate, { actor: domainActor(actor), origin: requestOrigin(caller) });
    return { id: row.id, ...result };
  }
}

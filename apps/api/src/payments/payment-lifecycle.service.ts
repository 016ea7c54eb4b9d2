import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../../../libs/infra/src/prisma/prisma.service';
import { cancelPaymentUpdate, paymentWorkflowId, returnPaymentUpdate, submitPaymentUpdate } from '../../../../workflows/src/payment/payment.messages';
import type { CabinetActor } from '../auth/cabinet-actor';
import type { ClientInfo } from '../login-protection/client-info';
import { PaymentAudit } from './payment-audit';
import { decideOnDraft } from './payment-draft';
import { PaymentWorkflowGateway } from './payment-workflow.gateway';
import { changedMeanwhile, domainActor, PaymentStore } from './payment.store';

/** Submit, return to draft and cancel (§1.2.2): the document's workflow decides. */
@Injectable()
export class PaymentLifecycleService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly store: PaymentStore,
    private readonly workflows: PaymentWorkflowGateway,
    private readonly audit: PaymentAudit,
  ) {}

  /**
   * Hands the document to its approval workflow for good (the row names the workflow
   * first, so from then on only the workflow changes it), then submits it there with the
   * partner's approval policy as it is now — the workflow keeps that snapshot (§1.2.1).
   */
  async submit(actor: CabinetActor, paymentId: string, caller: ClientInfo) {
    let row = await this.store.find(paymentId, actor.partnerId);
    const { version, ...snapshot } = await this.store.policy(actor.partnerId);
    const policy = { rules: snapshot.rules, authorMayConfirm: snapshot.authorMayConfirm };
    if (row.workflowId === null) {
      // Refusals that need no workflow are heard before the document is handed over.
      decideOnDraft(row, { type: 'SUBMIT', actor, policy, at: Date.now() });
      await this.prisma.payment.updateMany({ where: { id: row.id, workflowId: null }, data: { workflowId: paymentWorkflowId(row.id) } });
      row = await this.store.find(paymentId, actor.partnerId);
    }
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

  async returnToDraft(actor: CabinetActor, paymentId: string, reason: string, caller: ClientInfo) {
    const row = await this.store.find(paymentId, actor.partnerId);
    // A draft never submitted can't be returned: the machine says why (409).
    if (row.workflowId === null) decideOnDraft(row, { type: 'RETURN', actor, reason, at: Date.now() });
    const result = await this.workflows.send(row, returnPaymentUpdate, { actor: domainActor(actor), reason });
    await this.audit.byUser(actor, caller, 'payment.return', { type: 'payment', id: row.id }, { version: result.version });
    return { id: row.id, ...result };
  }

  async cancel(actor: CabinetActor, paymentId: string, caller: ClientInfo) {
    const row = await this.store.find(paymentId, actor.partnerId);
    if (row.workflowId !== null) {
      const result = await this.workflows.send(row, cancelPaymentUpdate, { actor: domainActor(actor) });
      await this.audit.byUser(actor, caller, 'payment.cancel', { type: 'payment', id: row.id });
      return { id: row.id, ...result };
    }
    const now = Date.now();
    decideOnDraft(row, { type: 'CANCEL', actor, at: now });
    const cancelled = await this.prisma.$transaction(async (tx) => {
      const { count } = await tx.payment.updateMany({
        where: { id: row.id, workflowId: null, status: 'DRAFT', version: row.version },
        data: { status: 'CANCELLED' },
      });
      if (count === 1) {
        await tx.paymentEvent.create({
          data: {
            paymentId: row.id,
            key: `payment-${row.id}/draft/cancelled`,
            type: 'CANCELLED',
            actorType: 'USER',
            actorId: actor.userId,
            version: row.version,
            occurredAt: new Date(now),
          },
        });
        await this.audit.byUserIn(tx, actor, caller, 'payment.cancel', { type: 'payment', id: row.id });
      }
      return count === 1;
    });
    if (!cancelled) throw changedMeanwhile();
    return { id: row.id, status: 'CANCELLED' as const };
  }
}

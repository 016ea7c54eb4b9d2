import { HttpException, Injectable } from '@nestjs/common';
import { mergePaymentDocument, paymentDocumentProblems, type PaymentDocumentPatch } from '@domain/payment';
import { editPaymentUpdate } from '@workflows/payment/payment.messages';
import type { CabinetActor } from '../auth/cabinet-actor';
import { problem } from '../common/problem';
import type { ClientInfo } from '../common/client-info';
import { requestOrigin } from './payment-audit';
import { PaymentWorkflowGateway } from './payment-workflow.gateway';
import { documentFieldsOf, domainActor, PaymentStore, recordOfFields } from './payment.store';

/**
 * `PATCH /v1/payments/{id}` (§1.2.2, §1.13), decided and recorded by the document's workflow: a
 * draft is edited in place; a submitted document goes back to draft with the edit and loses every
 * confirmation. Either way the version grows, so no code issued before the edit confirms the
 * edited document. The patch is merged onto the version read here; if another edit made a newer
 * one meanwhile, the workflow refuses (PAYMENT.CHANGED_MEANWHILE) rather than undo it.
 */
@Injectable()
export class EditPaymentService {
  constructor(
    private readonly store: PaymentStore,
    private readonly workflows: PaymentWorkflowGateway,
  ) {}

  async edit(actor: CabinetActor, paymentId: string, patch: PaymentDocumentPatch, caller: ClientInfo) {
    const row = await this.store.find(paymentId, actor.partnerId);
    const next = mergePaymentDocument(documentFieldsOf(row), patch);
    const problems = paymentDocumentProblems(next);
    if (problems.length > 0) {
      const errors = problems.map((p) => ({ path: p.path.join('.'), message: p.message }));
      throw new HttpException(problem(400, `${errors.length} invalid field${errors.length === 1 ? '' : 's'}`, { code: 'REQUEST.INVALID', errors }), 400);
    }
    if (patch.debitIban !== undefined) await this.store.assertOwnAccount(actor.partnerId, next.debitIban);
    // Audited by the workflow's write of the edit, in its transaction (§1.15).
    const edit = { actor: domainActor(actor), document: recordOfFields(next), baseVersion: row.version, origin: requestOrigin(caller) };
    const result = await this.workflows.send(row, editPaymentUpdate, edit);
    return { id: row.id, number: row.number, ...result };
  }
}

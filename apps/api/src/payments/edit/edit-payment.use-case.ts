import { Injectable } from '@nestjs/common';
import { domainError } from '@domain/domain-error';
import { mergePaymentDocument, paymentDocumentProblems, type PaymentDocumentPatch, type PaymentStatus } from '@domain/payment';
import { fieldRefusal, refused, success, type Outcome } from '@domain/refusal';
import { editPaymentUpdate } from '@workflows/payment/payment.messages';
import type { CabinetActor } from '../../auth/cabinet-actor';
import type { ClientInfo } from '../../common/client-info';
import { documentFieldsOf, domainActor, recordOfFields, requestOrigin } from '../payment.mapper';
import { PaymentRepository } from '../payment.repository';
import { PaymentWorkflowService } from '../payment-workflow.service';

/** The merged document broke a rule across its fields: heard like a malformed request (400 REQUEST.INVALID). */
const invalidDocument = (problems: readonly { path: readonly string[]; message: string }[]) =>
  fieldRefusal(
    domainError('REQUEST.INVALID', 'INVALID', `${problems.length} invalid field${problems.length === 1 ? '' : 's'}`),
    problems.map((p) => ({ path: p.path.join('.'), message: p.message })),
  );

/**
 * `PATCH /v1/payments/{id}` (§1.2.2, §1.13), decided and recorded by the document's workflow: a
 * draft is edited in place; a submitted document goes back to draft with the edit and loses every
 * confirmation. Either way the version grows, so no code issued before the edit confirms the
 * edited document. The patch is merged onto the version read here; if another edit made a newer
 * one meanwhile, the workflow refuses (PAYMENT.CHANGED_MEANWHILE) rather than undo it.
 */
@Injectable()
export class EditPaymentUseCase {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly workflows: PaymentWorkflowService,
  ) {}

  async execute(
    actor: CabinetActor,
    paymentId: string,
    patch: PaymentDocumentPatch,
    caller: ClientInfo,
  ): Promise<Outcome<{ id: string; number: number; status: PaymentStatus; version: number }>> {
    const found = await this.payments.find(paymentId, actor.partnerId);
    if (!found.ok) return found;
    const row = found.value;
    const next = mergePaymentDocument(documentFieldsOf(row), patch);
    const problems = paymentDocumentProblems(next);
    if (problems.length > 0) return refused(invalidDocument(problems));
    const account = patch.debitIban === undefined ? null : await this.payments.debitAccountRefusal(actor.partnerId, next.debitIban);
    if (account) return refused(account);
    // Audited by the workflow's write of the edit, in its transaction (§1.15).
    const edit = { actor: domainActor(actor), document: recordOfFields(next), baseVersion: row.version, origin: requestOrigin(caller) };
    const result = await this.workflows.send(row, editPaymentUpdate, edit);
    return result.ok ? success({ id: row.id, number: row.number, ...result.value }) : result;
  }
}

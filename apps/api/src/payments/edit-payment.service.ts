import { HttpException, Inject, Injectable } from '@nestjs/common';
import {
  mergePaymentDocument,
  paymentDocumentProblems,
  paymentValueDate,
  type PaymentDocumentFields,
  type PaymentDocumentPatch,
} from '../../../../libs/domain/src/payment';
import { PrismaService } from '../../../../libs/infra/src/prisma/prisma.service';
import { ENV } from '../../../../libs/infra/src/tokens';
import { editPaymentUpdate } from '../../../../workflows/src/payment/payment.messages';
import type { CabinetActor } from '../auth/cabinet-actor';
import { problem } from '../common/problem';
import type { ApiEnv } from '../config/api-env';
import type { ClientInfo } from '../login-protection/client-info';
import { PaymentAudit } from './payment-audit';
import { dateColumn, decideOnDraft, documentColumns } from './payment-draft';
import { PaymentWorkflowGateway } from './payment-workflow.gateway';
import { changedMeanwhile, documentFieldsOf, domainActor, PaymentStore, recordOfFields, type PaymentRow } from './payment.store';

/**
 * `PATCH /v1/payments/{id}` (§1.2.2, §1.13). A submitted document goes back to draft with
 * the edit and loses every confirmation (the workflow decides and records it); a draft that
 * was never submitted is edited here. Either way the version grows, so no code issued
 * before the edit confirms the edited document.
 */
@Injectable()
export class EditPaymentService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly store: PaymentStore,
    private readonly workflows: PaymentWorkflowGateway,
    private readonly audit: PaymentAudit,
    @Inject(ENV) private readonly env: ApiEnv,
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
    if (row.workflowId === null) return { id: row.id, number: row.number, ...(await this.editDraft(actor, row, next, caller)) };
    const result = await this.workflows.send(row, editPaymentUpdate, { actor: domainActor(actor), document: recordOfFields(next) });
    await this.audit.byUser(actor, caller, 'payment.edit', { type: 'payment', id: row.id }, { version: result.version, status: result.status });
    return { id: row.id, number: row.number, ...result };
  }

  private async editDraft(actor: CabinetActor, row: PaymentRow, next: PaymentDocumentFields, caller: ClientInfo) {
    const now = Date.now();
    const state = decideOnDraft(row, { type: 'EDIT', actor, amountTiyn: next.amountTiyn.toString(), at: now });
    const { version } = state.context;
    const valueDate = paymentValueDate(now, { cutOffMinutes: this.env.PAYMENT_CUT_OFF, holidays: this.env.BANK_HOLIDAYS });
    const written = await this.prisma.$transaction(async (tx) => {
      // Only if nobody edited or submitted it since it was read.
      const { count } = await tx.payment.updateMany({
        where: { id: row.id, workflowId: null, status: 'DRAFT', version: row.version },
        data: { ...documentColumns(next), version, valueDate: dateColumn(valueDate) },
      });
      if (count === 1) {
        await tx.paymentEvent.create({
          data: {
            paymentId: row.id,
            key: `payment-${row.id}/draft/${version}`,
            type: 'EDITED',
            actorType: 'USER',
            actorId: actor.userId,
            version,
            details: { version },
            occurredAt: new Date(now),
          },
        });
        await this.audit.byUserIn(tx, actor, caller, 'payment.edit', { type: 'payment', id: row.id }, { version, status: 'DRAFT' });
      }
      return count === 1;
    });
    if (!written) throw changedMeanwhile();
    return { status: 'DRAFT' as const, version };
  }
}

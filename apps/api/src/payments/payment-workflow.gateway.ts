import { Inject, Injectable } from '@nestjs/common';
import { Client, WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { ENV } from '../../../../libs/infra/src/tokens';
import { paymentWorkflowId, type PaymentWorkflowInput } from '../../../../workflows/src/payment/payment.messages';
import { Flow, FlowStatus, PartnerBin, PartnerId, AmountKzt } from '../../../../workflows/src/shared/search-attributes';
import { FlowParties, type FlowPartner } from '../common/flow-parties';
import { formatMoney } from '../../../../libs/domain/src/values/money.value-object';
import type { ApiEnv } from '../config/api-env';
import { closedDocument, documentRecordOf, FINAL_STATUSES, notSubmitted, type PaymentRow } from './payment.store';

/**
 * Commands to a document's approval workflow. Each is an update-with-start: the first
 * command after the document was handed to the workflow (its first submission) starts it
 * from the stored draft, every later one reaches the running workflow (conflict policy
 * USE_EXISTING); a finished workflow is never started again (reuse policy REJECT_DUPLICATE,
 * and a final row is refused before Temporal is asked).
 */
@Injectable()
export class PaymentWorkflowGateway {
  constructor(
    private readonly temporal: Client,
    private readonly parties: FlowParties,
    @Inject(ENV) private readonly env: ApiEnv,
  ) {}

  async send<R, A extends unknown[]>(row: PaymentRow, update: UpdateDefinition<R, A>, ...args: A): Promise<R> {
    if (FINAL_STATUSES.has(row.status)) throw closedDocument(row.status);
    if (row.workflowId === null) throw notSubmitted();
    const workflowId = paymentWorkflowId(row.id);
    const partner = await this.parties.partner(row.partnerId);
    const start = new WithStartWorkflowOperation('paymentWorkflow', {
      workflowId,
      taskQueue: this.env.TEMPORAL_TASK_QUEUE,
      args: [this.input(row)],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: Flow, value: 'payment' },
        { key: PartnerId, value: row.partnerId },
        { key: PartnerBin, value: partner.bin },
        { key: FlowStatus, value: row.status },
        { key: AmountKzt, value: Number(row.amountTiyn) / 100 },
      ],
      ...paymentMetadata(row, partner),
    });
    try {
      return await this.temporal.workflow.executeUpdateWithStart(update, { args, startWorkflowOperation: start });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) throw closedDocument(row.status);
      throw error;
    }
  }

  private input(row: PaymentRow): PaymentWorkflowInput {
    return {
      paymentId: row.id,
      partnerId: row.partnerId,
      authorId: row.authorId,
      createdAt: row.createdAt.getTime(),
      version: row.version,
      document: documentRecordOf(row),
      settings: {
        confirmationTtlMs: this.env.PAYMENT_CONFIRMATION_TTL_MS,
        codeTtlMs: this.env.CODE_TTL_MS,
        codeMaxAttempts: this.env.CODE_MAX_ATTEMPTS,
        codeResendCooldownMs: this.env.CODE_RESEND_COOLDOWN_MS,
        holdThresholdTiyn: this.env.COMPLIANCE_HOLD_THRESHOLD,
        holdTtlMs: this.env.COMPLIANCE_HOLD_TTL_MS,
        recordRetryMs: this.env.PAYMENT_RECORD_RETRY_MS,
        calendar: { cutOffMinutes: this.env.PAYMENT_CUT_OFF, holidays: this.env.BANK_HOLIDAYS },
      },
    };
  }
}

const kzt = (tiyn: bigint) => `${formatMoney(tiyn)} KZT`;

/**
 * What operators read in the Temporal UI's summary and details: encrypted like every payload
 * (the client's codec encodes user metadata), so names may appear; the status is the one the
 * document had when its workflow started — the workflow's current details follow it.
 */
export const paymentMetadata = (row: PaymentRow, partner: FlowPartner) => ({
  staticSummary: `Payment No. ${row.number}: ${kzt(row.amountTiyn)} to ${row.beneficiaryName} · ${partner.name} (BIN ${partner.bin}) · ${row.status} at start`,
  staticDetails: [
    `**Payment** No. ${row.number} (${row.id}), ${row.status} when the workflow started`,
    `**Amount** ${kzt(row.amountTiyn)}, value date ${row.valueDate.toISOString().slice(0, 10)}`,
    `**Payee** ${row.beneficiaryName}, BIN/IIN ${row.beneficiaryBinIin}, ${row.beneficiaryIban} (${row.beneficiaryBic}), KBe ${row.kbe}`,
    `**Payer** ${partner.name}, BIN ${partner.bin}, ${row.debitIban}`,
    `**Purpose** KNP ${row.knp}: ${row.purpose}`,
  ].join('\n\n'),
});

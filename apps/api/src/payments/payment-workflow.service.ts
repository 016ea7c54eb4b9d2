import { Inject, Injectable } from '@nestjs/common';
import { Client, WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError, type WorkflowStartOptions } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { domainError } from '@domain/domain-error';
import { isPaymentStatusFinal } from '@domain/payment';
import { refused, success, type Outcome } from '@domain/refusal';
import { formatMoney } from '@domain/values/money.value-object';
import { ENV } from '@infra/tokens';
import { paymentWorkflowId, type PaymentWorkflowInput } from '@workflows/payment/payment.messages';
import { Flow, FlowStatus, PartnerBin, PartnerId, AmountKzt } from '@workflows/shared/search-attributes';
import { FlowParties, type FlowPartner } from '../common/flow-parties';
import { refusalFromTemporal } from '../common/temporal-errors';
import type { ApiEnv } from '../config/api-env';
import { documentRecordOf } from './payment.mapper';
import type { PaymentRow } from './payment.repository';

const closedDocument = (status: string) =>
  domainError('PAYMENT.TRANSITION_NOT_ALLOWED', 'CONFLICT', `The document is ${status.toLowerCase()}; nothing more can be done with it.`, { state: status });

/**
 * The document's workflow, its only writer after creation. It is started with the draft
 * (`start`); every command is an update-with-start, so if that start failed after the row was
 * committed, the next command starts it from the stored draft — nothing is lost. A running
 * workflow is reached as it is (conflict policy USE_EXISTING); a finished one is never started
 * again (reuse policy REJECT_DUPLICATE, and a final row is refused before Temporal is asked).
 */
@Injectable()
export class PaymentWorkflowService {
  constructor(
    private readonly temporal: Client,
    private readonly parties: FlowParties,
    @Inject(ENV) private readonly env: ApiEnv,
  ) {}

  /** Starts the workflow of a draft just created (or finds it running). */
  async start(row: PaymentRow): Promise<void> {
    await this.temporal.workflow.start('paymentWorkflow', await this.startOptions(row));
  }

  /** A command to the document's workflow: its answer, or the refusal its aggregate (or a final row) gives. */
  async send<R, A extends unknown[]>(row: PaymentRow, update: UpdateDefinition<R, A>, ...args: A): Promise<Outcome<R>> {
    if (isPaymentStatusFinal(row.status)) return refused(closedDocument(row.status));
    const start = new WithStartWorkflowOperation('paymentWorkflow', await this.startOptions(row));
    try {
      return success(await this.temporal.workflow.executeUpdateWithStart(update, { args, startWorkflowOperation: start }));
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return refused(closedDocument(row.status));
      const refusal = refusalFromTemporal(error);
      if (refusal) return refused(refusal);
      throw error;
    }
  }

  private async startOptions(row: PaymentRow): Promise<WorkflowStartOptions & { workflowIdConflictPolicy: 'USE_EXISTING' }> {
    const partner = await this.parties.partner(row.partnerId);
    return {
      workflowId: paymentWorkflowId(row.id),
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
    };
  }

  private input(row: PaymentRow): PaymentWorkflowInput {
    return {
      paymentId: row.id,
      partnerId: row.partnerId,
      authorId: row.authorId,
      createdAt: row.createdAt.getTime(),
      version: row.version,
      document: documentRecordOf(row),
      // A row with no workflow yet is always the draft as created (or edited before: no other writer).
      origin: 'draft',
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
const paymentMetadata = (row: PaymentRow, partner: FlowPartner) => ({
  staticSummary: `Payment No. ${row.number}: ${kzt(row.amountTiyn)} to ${row.beneficiaryName} · ${partner.name} (BIN ${partner.bin}) · ${row.status} at start`,
  staticDetails: [
    `**Payment** No. ${row.number} (${row.id}), ${row.status} when the workflow started`,
    `**Amount** ${kzt(row.amountTiyn)}, value date ${row.valueDate.toISOString().slice(0, 10)}`,
    `**Payee** ${row.beneficiaryName}, BIN/IIN ${row.beneficiaryBinIin}, ${row.beneficiaryIban} (${row.beneficiaryBic}), KBe ${row.kbe}`,
    `**Payer** ${partner.name}, BIN ${partner.bin}, ${row.debitIban}`,
    `**Purpose** KNP ${row.knp}: ${row.purpose}`,
  ].join('\n\n'),
});

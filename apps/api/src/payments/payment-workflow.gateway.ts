import { Inject, Injectable } from '@nestjs/common';
import { Client, WithStartWorkflowOperation, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { ENV } from '../../../../libs/infra/src/tokens';
import { paymentWorkflowId, type PaymentWorkflowInput } from '../../../../workflows/src/payment/payment.messages';
import { Flow, FlowStatus, PartnerId, AmountKzt } from '../../../../workflows/src/shared/search-attributes';
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
    @Inject(ENV) private readonly env: ApiEnv,
  ) {}

  async send<R, A extends unknown[]>(row: PaymentRow, update: UpdateDefinition<R, A>, ...args: A): Promise<R> {
    if (FINAL_STATUSES.has(row.status)) throw closedDocument(row.status);
    if (row.workflowId === null) throw notSubmitted();
    const workflowId = paymentWorkflowId(row.id);
    const start = new WithStartWorkflowOperation('paymentWorkflow', {
      workflowId,
      taskQueue: this.env.TEMPORAL_TASK_QUEUE,
      args: [this.input(row)],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: Flow, value: 'payment' },
        { key: PartnerId, value: row.partnerId },
        { key: FlowStatus, value: row.status },
        { key: AmountKzt, value: Number(row.amountTiyn) / 100 },
      ],
      staticSummary: `Payment document No. ${row.number}`,
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

import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { domainError } from '@domain/domain-error';
import { receiptRefusal, type ReceiptChannel } from '@domain/ledger';
import { paymentNotFound } from '@domain/payment/payment.errors';
import { AuditLog, type AuditFact } from '../common/audit-log.service';
import { PrismaService } from '@infra/prisma/prisma.service';
import { ENV } from '@infra/tokens';
import { receiptWorkflowId, type ReceiptInput } from '@workflows/receipt/receipt.messages';
import type { CabinetActor } from '../auth/cabinet-actor';
import { DomainProblem } from '../common/problem';
import { UserFlows } from '../common/user-flow';
import type { ApiEnv } from '../config/api-env';

export interface RequestContext {
  requestId: string | null;
  clientAddress: string | null;
  idempotencyKey: string | undefined;
}

/** §2.5: the confirming document of an executed payment, sent on the user's request. */
@Injectable()
export class ReceiptsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly temporal: Client,
    private readonly audit: AuditLog,
    private readonly userFlows: UserFlows,
    @Inject(ENV) private readonly env: ApiEnv,
  ) {}

  async request(actor: CabinetActor, paymentId: string, channel: ReceiptChannel, ctx: RequestContext) {
    const payment = await this.prisma.payment.findUnique({ where: { id: paymentId }, include: { ledgerPosting: { select: { outcome: true } } } });
    if (!payment || payment.partnerId !== actor.partnerId) throw new DomainProblem(paymentNotFound());
    // The receipt workflow records its delivery; this is the request, granted or refused.
    const audit: AuditFact = {
      by: actor,
      caller: { requestId: ctx.requestId, address: ctx.clientAddress },
      action: 'payment.receipt.request',
      target: { type: 'PAYMENT', id: paymentId },
    };
    const refusal = receiptRefusal({ executed: payment.ledgerPosting?.outcome === 'EXECUTED', status: payment.status });
    if (refusal) {
      await this.audit.alone({ ...audit, outcome: 'FAILURE', details: { channel, code: refusal.code } });
      throw new DomainProblem(refusal);
    }
    const key = ctx.idempotencyKey ?? randomUUID();
    const workflowId = receiptWorkflowId(paymentId, actor.userId, key);
    const input: ReceiptInput = { paymentId, partnerId: actor.partnerId, userId: actor.userId, channel };
    try {
      // The id is refused even after the first request finished: the same key never sends again.
      await this.userFlows.start({
        type: 'receiptWorkflow',
        workflowId,
        input,
        flow: 'receipt',
        user: { id: actor.userId, partnerId: actor.partnerId },
        status: 'SENDING',
        memo: { channel },
        summary: `Receipt of payment No. ${payment.number} by ${channel}`,
        details: [`**Payment** No. ${payment.number} (${paymentId}), ${payment.status}`],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      await this.sameRequestOrRefuse(workflowId, channel);
      return { id: key, channel, status: 'ACCEPTED' as const };
    }
    await this.audit.alone({ ...audit, details: { channel, workflowId } });
    return { id: key, channel, status: 'ACCEPTED' as const };
  }

  /** The same Idempotency-Key with the same body answers as the first time; with another body, 422. */
  private async sameRequestOrRefuse(workflowId: string, channel: ReceiptChannel): Promise<void> {
    const first = await this.temporal.workflow.getHandle(workflowId).describe();
    if ((first.memo as { channel?: string } | undefined)?.channel === channel) return;
    throw new DomainProblem(domainError('REQUEST.IDEMPOTENCY_KEY_REUSED', 'UNPROCESSABLE', 'This Idempotency-Key was used for a different request.'));
  }
}

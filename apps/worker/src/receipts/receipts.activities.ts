import { Inject, Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import type { ReceiptActivities } from '@workflows/receipt/receipt.activities.contract';
import type { ReceiptInput } from '@workflows/receipt/receipt.messages';
import { maskEmail, maskPhone, type Email, type Phone } from '@domain/values';
import { AuditService } from '@infra/audit/audit.service';
import type { SharedEnv } from '@infra/config/env.schema';
import type { Mailer } from '@infra/messaging/mailer';
import type { SmsSender } from '@infra/messaging/sms';
import { PrismaService } from '@infra/prisma/prisma.service';
import { ENV, MAILER, SMS_SENDER } from '@infra/tokens';
import { receiptMail, receiptSms } from '../messages/receipt-templates';
import { receiptFacts } from './receipt-facts';
import { receiptPdf } from './receipt-pdf';

/** Nothing a retry could change: the request was checked by the API, so this is a race or a bug. */
const notDeliverable = (why: string) => ApplicationFailure.nonRetryable(`receipt not sent: ${why}`, 'RECEIPT.NOT_DELIVERABLE');

/**
 * Delivers a payment's confirming document (§2.5). The delivery log, keyed by the
 * workflow id, keeps a retried attempt from sending twice; the audit record is keyed
 * the same way.
 */
@Injectable()
export class ReceiptActivitiesImpl implements ReceiptActivities {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    @Inject(ENV) private readonly env: SharedEnv,
  ) {}

  async sendPaymentReceipt(input: ReceiptInput & { workflowId: string }): Promise<void> {
    const [payment, user] = await Promise.all([
      this.prisma.payment.findUnique({ where: { id: input.paymentId }, include: { partner: true, ledgerPosting: true } }),
      this.prisma.user.findUnique({ where: { id: input.userId } }),
    ]);
    const posting = payment?.ledgerPosting;
    if (!payment || !posting || posting.outcome !== 'EXECUTED') throw notDeliverable('the payment is not executed');
    // §1.14: a user blocked since the request no longer receives the partner's documents.
    if (!user || user.partnerId !== payment.partnerId || user.status !== 'ACTIVE') throw notDeliverable('the requesting user is not an active user of the payer');
    const facts = receiptFacts(payment, posting);
    if (input.channel === 'EMAIL') {
      const pdf = await receiptPdf(facts, user.language, { regular: this.env.PDF_FONT_PATH, bold: this.env.PDF_BOLD_FONT_PATH });
      await this.mailer.send({
        idempotencyKey: `${input.workflowId}/email`,
        to: user.login,
        ...receiptMail(user.language, { fullName: user.fullName, r: facts }),
        template: 'payment-receipt',
        recipientForLog: maskEmail(user.login as Email),
        attachments: [{ filename: `payment-${payment.number}.pdf`, content: pdf, contentType: 'application/pdf' }],
      });
    } else {
      await this.sms.send({
        idempotencyKey: `${input.workflowId}/sms`,
        phone: user.phone,
        text: receiptSms(user.language, facts),
        template: 'payment-receipt-sms',
        recipientForLog: maskPhone(user.phone as Phone),
      });
    }
    await this.audit.record({
      actorType: 'SYSTEM',
      actorId: 'receipts',
      partnerId: payment.partnerId,
      action: 'payment.receipt.sent',
      targetType: 'PAYMENT',
      targetId: payment.id,
      outcome: 'SUCCESS',
      details: { channel: input.channel, userId: user.id, workflowId: input.workflowId },
      dedupKey: `${input.workflowId}/sent`,
    });
  }
}

import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { AuditService } from '@infra/audit/audit.service';
import { OneTimeCodes } from '@infra/codes/one-time-codes';
import { PrismaService } from '@infra/prisma/prisma.service';
import type { PaymentActivities, PaymentRecord } from '@workflows/payment/payment.activities.contract';
import { paymentCodeScope } from '@workflows/payment/payment.messages';
import { paymentConfirmationSms } from '../messages/payment-templates';
import { writePaymentRecord } from './payment-record';

/** The code of a confirmation challenge is the only one in its scope. */
const CODE_NO = 1;

/**
 * Payment document I/O (§1.2, §1.13). Idempotent: records carry a growing revision and
 * keyed timeline entries; a code is derived from its scope, so a retry re-sends the same
 * code at most once (the delivery log).
 */
@Injectable()
export class PaymentActivitiesImpl implements PaymentActivities {
  constructor(
    private readonly prisma: PrismaService,
    private readonly codes: OneTimeCodes,
    private readonly audit: AuditService,
  ) {}

  async recordPayment(record: PaymentRecord): Promise<void> {
    await writePaymentRecord(this.prisma, this.audit, record);
  }

  async sendConfirmationCode(input: { paymentId: string; challengeId: string; userId: string; version: number; expiresAt: string }): Promise<void> {
    const [user, payment] = await Promise.all([
      this.prisma.user.findUniqueOrThrow({ where: { id: input.userId }, select: { phone: true, language: true } }),
      this.prisma.payment.findUniqueOrThrow({ where: { id: input.paymentId } }),
    ]);
    // The workflow writes every step before it sends a code, so the row is the version the code is bound to.
    if (payment.version !== input.version) {
      throw ApplicationFailure.nonRetryable(
        `payment ${input.paymentId} is at version ${payment.version}, the code is for version ${input.version}`,
        'PAYMENT.STALE_VERSION',
      );
    }
    await this.codes.issue({
      scope: paymentCodeScope(input.paymentId, input.challengeId),
      codeNo: CODE_NO,
      purpose: 'PAYMENT',
      phone: user.phone,
      expiresAt: new Date(input.expiresAt),
      text: (code) =>
        paymentConfirmationSms(user.language, {
          code,
          ttlMs: Date.parse(input.expiresAt) - Date.now(),
          number: payment.number,
          amountTiyn: payment.amountTiyn,
          beneficiaryName: payment.beneficiaryName,
          beneficiaryIban: payment.beneficiaryIban,
        }),
    });
  }
}

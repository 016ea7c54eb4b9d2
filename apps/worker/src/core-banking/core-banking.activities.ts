import { Injectable } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import type { CoreBankingActivities } from '@workflows/payment/core-banking.activities.contract';
import { AuditService } from '@infra/audit/audit.service';
import { PrismaService } from '@infra/prisma/prisma.service';
import { PaymentNotFoundError, postPayment } from './payment-posting';

type ExecutionOutcome = Awaited<ReturnType<CoreBankingActivities['executePayment']>>;

/**
 * The core-banking port (§2.4) over the bank's PostgreSQL ledger. Idempotent by payment
 * id: whatever the first attempt recorded — execution or refusal — every later attempt
 * returns, so a worker that dies after posting but before the workflow hears of it
 * never causes a second debit.
 */
@Injectable()
export class CoreBankingActivitiesImpl implements CoreBankingActivities {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
  ) {}

  async executePayment(input: { paymentId: string }): Promise<ExecutionOutcome> {
    try {
      const posting = await postPayment(this.prisma, this.audit, input.paymentId);
      return posting.outcome === 'EXECUTED'
        ? { outcome: 'EXECUTED', executedAt: posting.recordedAt.toISOString() }
        : { outcome: 'REFUSED', code: posting.refusalCode!, reason: posting.refusalReason! };
    } catch (error) {
      // Retrying cannot make a missing payment appear; fail the activity for good.
      if (error instanceof PaymentNotFoundError) throw ApplicationFailure.nonRetryable(error.message, 'LEDGER.PAYMENT_NOT_FOUND');
      throw error;
    }
  }
}

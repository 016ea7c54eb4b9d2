import { Injectable } from '@nestjs/common';
import { success, type Outcome } from '@domain/refusal';
import { PaymentRepository } from '../payment.repository';

type Detail = Awaited<ReturnType<PaymentRepository['detail']>>;

/**
 * One document with the confirmations of its current version and its timeline. A cabinet reads
 * its partner's own (another's is a 404); an operator reads any, with the hold and every step.
 */
@Injectable()
export class ViewPaymentUseCase {
  constructor(private readonly payments: PaymentRepository) {}

  /** `partnerId` null: an operator's view. */
  async execute(paymentId: string, partnerId: string | null): Promise<Outcome<Detail>> {
    const found = await this.payments.find(paymentId, partnerId ?? undefined);
    if (!found.ok) return found;
    return success(await this.payments.detail(found.value, partnerId === null ? 'operator' : 'cabinet'));
  }
}

import { Injectable } from '@nestjs/common';
import { approvalPolicyView } from '@domain/payment';
import { success, type Outcome } from '@domain/refusal';
import { PaymentRepository } from '../payment.repository';

export type ApprovalPolicyViewWithVersion = ReturnType<typeof approvalPolicyView> & { version: number };

/** The partner's approval policy (§1.2.1); none stored reads as the default, one confirmation for any amount. */
@Injectable()
export class ViewApprovalPolicyUseCase {
  constructor(private readonly payments: PaymentRepository) {}

  async execute(partnerId: string): Promise<Outcome<ApprovalPolicyViewWithVersion>> {
    const { version, ...policy } = await this.payments.policy(partnerId);
    return success({ ...approvalPolicyView(policy), version });
  }
}

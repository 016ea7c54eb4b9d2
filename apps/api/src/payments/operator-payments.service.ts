import { Injectable } from '@nestjs/common';
import { paymentNotFound } from '@domain/payment/payment.errors';
import { PrismaService, type Prisma } from '@infra/prisma/prisma.service';
import { complianceDecisionUpdate } from '@workflows/payment/payment.messages';
import { DomainProblem } from '../common/problem';
import type { ClientInfo } from '../common/client-info';
import { PaymentAudit } from './payment-audit';
import { PaymentQueriesService } from './payment-queries.service';
import { PaymentWorkflowGateway } from './payment-workflow.gateway';

type Decision = { decision: 'EXECUTE' } | { decision: 'REFUSE'; reason: string };

/**
 * The bank's side of large payments (§2.4): operators see every document, and decide on
 * those held for compliance review — execute or refuse with a reason shown to the partner.
 */
@Injectable()
export class OperatorPaymentsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly queries: PaymentQueriesService,
    private readonly workflows: PaymentWorkflowGateway,
    private readonly audit: PaymentAudit,
  ) {}

  list(query: { status?: string; cursor?: string; limit: number }) {
    const where: Prisma.PaymentWhereInput =
      query.status === 'ON_HOLD' ? { holdStatus: 'ON_HOLD' } : query.status ? { status: query.status as Prisma.PaymentWhereInput['status'] } : {};
    return this.queries.list(where, query, 'operator');
  }

  async get(paymentId: string) {
    return this.queries.detail(await this.find(paymentId), 'operator');
  }

  async decide(paymentId: string, operatorId: string, decision: Decision, caller: ClientInfo) {
    // A document not on hold (a draft, say) is refused by its workflow's aggregate (PAYMENT.NOT_ON_HOLD).
    const row = await this.find(paymentId);
    const result = await this.workflows.send(row, complianceDecisionUpdate, { operatorId, ...decision });
    const action = decision.decision === 'EXECUTE' ? 'payment.compliance.release' : 'payment.compliance.refuse';
    await this.audit.byOperator(operatorId, caller, action, row, decision.decision === 'REFUSE' ? { reason: decision.reason } : {});
    return { id: row.id, ...result };
  }

  private async find(paymentId: string) {
    const row = await this.prisma.payment.findUnique({ where: { id: paymentId } });
    if (!row) throw new DomainProblem(paymentNotFound());
    return row;
  }
}

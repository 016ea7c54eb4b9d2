import { Injectable } from '@nestjs/common';
import { AuditService } from '../../../../libs/infra/src/audit/audit.service';
import type { CabinetActor } from '../auth/cabinet-actor';
import type { ClientInfo } from '../login-protection/client-info';

type Outcome = 'SUCCESS' | 'FAILURE' | 'DENIED';

/**
 * The payment flows' entries in the audit trail (§1.15): who did what to which document,
 * from where, with non-secret facts (numbers, versions, counts — never a code).
 */
@Injectable()
export class PaymentAudit {
  constructor(private readonly audit: AuditService) {}

  byUser(actor: CabinetActor, caller: ClientInfo, action: string, target: { type: string; id: string }, details: Record<string, unknown> = {}, outcome: Outcome = 'SUCCESS') {
    return this.audit.record({
      actorType: 'USER',
      actorId: actor.userId,
      partnerId: actor.partnerId,
      action,
      targetType: target.type,
      targetId: target.id,
      outcome,
      requestId: caller.requestId ?? null,
      clientAddress: caller.address,
      details,
    });
  }

  byOperator(operatorId: string, caller: ClientInfo, action: string, payment: { id: string; partnerId: string }, details: Record<string, unknown>) {
    return this.audit.record({
      actorType: 'OPERATOR',
      actorId: operatorId,
      partnerId: payment.partnerId,
      action,
      targetType: 'payment',
      targetId: payment.id,
      outcome: 'SUCCESS',
      requestId: caller.requestId ?? null,
      clientAddress: caller.address,
      details,
    });
  }
}

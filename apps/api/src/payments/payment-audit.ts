import { Injectable } from '@nestjs/common';
import { AuditService, type AuditEntry } from '@infra/audit/audit.service';
import type { Prisma } from '@infra/prisma/prisma.service';
import type { CabinetActor } from '../auth/cabinet-actor';
import type { PaymentRequestOrigin } from '@workflows/payment/payment.messages';
import type { ClientInfo } from '../common/client-info';

type Outcome = AuditEntry['outcome'];
type Target = { type: string; id: string };

/**
 * The payment flows' entries in the audit trail (§1.15): who did what to which document,
 * from where, with non-secret facts (numbers, versions, counts — never a code).
 * `…In(tx, …)` writes in the transaction of the change it records (a draft created here); an
 * edit or a cancellation is recorded by the workflow step's own write (`requestOrigin`); the
 * others record what the API asked a workflow, or a refusal that changed nothing.
 */
@Injectable()
export class PaymentAudit {
  constructor(private readonly audit: AuditService) {}

  byUser(actor: CabinetActor, caller: ClientInfo, action: string, target: Target, details: Record<string, unknown> = {}, outcome: Outcome = 'SUCCESS') {
    return this.audit.record(userEntry(actor, caller, action, target, details, outcome));
  }

  byUserIn(tx: Prisma.TransactionClient, actor: CabinetActor, caller: ClientInfo, action: string, target: Target, details: Record<string, unknown> = {}) {
    return this.audit.append(tx, userEntry(actor, caller, action, target, details, 'SUCCESS'));
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

const userEntry = (actor: CabinetActor, caller: ClientInfo, action: string, target: Target, details: Record<string, unknown>, outcome: Outcome): AuditEntry => ({
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

/** Where a request came from, for the audit record a workflow step writes with its change (§1.15). */
export const requestOrigin = (caller: ClientInfo): PaymentRequestOrigin => ({ requestId: caller.requestId ?? null, clientAddress: caller.address });

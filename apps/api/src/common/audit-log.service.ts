import { Injectable } from '@nestjs/common';
import { AuditService, type AuditEntry } from '@infra/audit/audit.service';
import type { Prisma } from '@infra/prisma/prisma.service';

/** Who acted: a cabinet user, a bank operator, or nobody known (e.g. a sign-in with an unknown login). */
export type AuditActor = { userId: string; partnerId: string } | { operatorId: string; partnerId: string | null } | null;

/** Where the call came from (a ClientInfo fits): never a secret. */
export interface AuditCaller {
  requestId?: string | null;
  address?: string | null;
}

/** One fact for the audit trail (§1.15): non-secret details only — never codes, tokens, passwords or session keys. */
export interface AuditFact {
  by: AuditActor;
  caller: AuditCaller;
  /** Dotted verb, e.g. `auth.login`. */
  action: string;
  target?: { type: string; id: string } | null;
  /** SUCCESS unless said otherwise. */
  outcome?: AuditEntry['outcome'];
  details?: Record<string, unknown>;
}

export const auditEntry = (fact: AuditFact): AuditEntry => ({
  actorType: fact.by === null ? 'ANONYMOUS' : 'userId' in fact.by ? 'USER' : 'OPERATOR',
  actorId: fact.by === null ? null : 'userId' in fact.by ? fact.by.userId : fact.by.operatorId,
  partnerId: fact.by?.partnerId ?? null,
  action: fact.action,
  targetType: fact.target?.type ?? null,
  targetId: fact.target?.id ?? null,
  outcome: fact.outcome ?? 'SUCCESS',
  requestId: fact.caller.requestId ?? null,
  clientAddress: fact.caller.address ?? null,
  details: fact.details ?? {},
});

/**
 * The API's one way to write the audit trail. A change the API writes itself is
 * recorded `within` its transaction, so the record commits with it or not at all;
 * `alone` is for facts with no write of their own — a refusal, or a step of a flow whose
 * workflow does not yet carry the caller (the approval-policy change). Payment commands send the
 * caller with the update instead, and the worker records them in the step's own transaction.
 */
@Injectable()
export class AuditLog {
  constructor(private readonly audit: AuditService) {}

  within(tx: Prisma.TransactionClient, fact: AuditFact): Promise<void> {
    return this.audit.append(tx, auditEntry(fact));
  }

  alone(fact: AuditFact): Promise<void> {
    return this.audit.record(auditEntry(fact));
  }
}

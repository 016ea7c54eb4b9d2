import { Injectable } from '@nestjs/common';
import { PrismaService, type Prisma } from '../prisma/prisma.service';
import { auditHash, GENESIS_HASH, type AuditContent } from './audit-hash';

export type AuditActorType = 'USER' | 'OPERATOR' | 'SYSTEM' | 'ANONYMOUS';

export interface AuditEntry {
  actorType: AuditActorType;
  actorId?: string | null;
  partnerId?: string | null;
  /** Dotted verb, e.g. `auth.login`, `payment.confirm`, `registration.code.verify`. */
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  outcome: 'SUCCESS' | 'FAILURE' | 'DENIED';
  requestId?: string | null;
  clientAddress?: string | null;
  /** Non-secret facts only: never codes, tokens, passwords or session keys. */
  details?: Record<string, unknown>;
  /** For callers that may retry (activities): a second record with the same key is not written. */
  dedupKey?: string;
}

/** Any constant: serialises appends so each record links to the one before it. */
export const AUDIT_CHAIN_LOCK = 15_001_100;

/**
 * Appends to the audit trail (§1.15). Appends are serialised by a transaction-level
 * advisory lock so the hash chain has no forks; the database refuses UPDATE and
 * DELETE on the table (migration 20261124070000_audit_append_only).
 */
@Injectable()
export class AuditService {
  constructor(private readonly prisma: PrismaService) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
      await this.appendLocked(tx, entry);
    });
  }

  /**
   * Appends inside a transaction that already holds AUDIT_CHAIN_LOCK (the retention
   * purge does, to record its removal in the same commit). `prevHashIfEmpty` links
   * the record when the table holds nothing else, e.g. after a purge removed all.
   */
  async appendLocked(tx: Prisma.TransactionClient, entry: AuditEntry, prevHashIfEmpty = GENESIS_HASH): Promise<void> {
    if (entry.dedupKey) {
      const seen = await tx.auditRecord.findUnique({ where: { dedupKey: entry.dedupKey }, select: { id: true } });
      if (seen) return;
    }
    const last = await tx.auditRecord.findFirst({ orderBy: { id: 'desc' }, select: { hash: true } });
    const prevHash = last?.hash ?? prevHashIfEmpty;
    const occurredAt = new Date();
    const content: AuditContent = {
      occurredAt: occurredAt.toISOString(),
      actorType: entry.actorType,
      actorId: entry.actorId ?? null,
      // As PostgreSQL will return them, so verification recomputes the same hash.
      partnerId: entry.partnerId?.toLowerCase() ?? null,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      outcome: entry.outcome,
      requestId: entry.requestId ?? null,
      clientAddress: entry.clientAddress ?? null,
      details: JSON.parse(JSON.stringify(entry.details ?? {})) as unknown,
    };
    await tx.auditRecord.create({
      data: {
        ...content,
        occurredAt,
        outcome: entry.outcome,
        details: content.details as object,
        prevHash,
        hash: auditHash(prevHash, content),
        dedupKey: entry.dedupKey ?? null,
      },
    });
  }
}

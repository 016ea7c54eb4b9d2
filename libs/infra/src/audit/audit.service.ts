import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma/prisma.service';
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
}

/** Any constant: serialises appends so each record links to the one before it. */
const CHAIN_LOCK = 15_001_100;

/**
 * Appends to the audit trail (§1.15). Appends are serialised by a transaction-level
 * advisory lock so the hash chain has no forks; the database refuses UPDATE and
 * DELETE on the table (see the audit migration).
 */
@Injectable()
export class AuditService {
  constructor(private readonly prisma: PrismaService) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`;
      const last = await tx.auditRecord.findFirst({ orderBy: { id: 'desc' }, select: { hash: true } });
      const prevHash = last?.hash ?? GENESIS_HASH;
      const occurredAt = new Date();
      const content: AuditContent = {
        occurredAt: occurredAt.toISOString(),
        actorType: entry.actorType,
        actorId: entry.actorId ?? null,
        partnerId: entry.partnerId ?? null,
        action: entry.action,
        targetType: entry.targetType ?? null,
        targetId: entry.targetId ?? null,
        outcome: entry.outcome,
        requestId: entry.requestId ?? null,
        clientAddress: entry.clientAddress ?? null,
        details: entry.details ?? {},
      };
      await tx.auditRecord.create({
        data: {
          ...content,
          occurredAt,
          outcome: entry.outcome,
          details: content.details as object,
          prevHash,
          hash: auditHash(prevHash, content),
        },
      });
    });
  }
}

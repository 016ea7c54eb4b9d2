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

/** An append waiting for its turn. */
interface Pending {
  readonly entry: AuditEntry;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** Appends written by one transaction at most (one lock, one read of the head, one commit). */
const MAX_BATCH = 100;

/**
 * Appends to the audit trail (§1.15). Appends are serialised by a transaction-level
 * advisory lock so the hash chain has no forks; the database refuses UPDATE and
 * DELETE on the table (migration 20261124070000_audit_append_only).
 *
 * Within a process, appends queue in memory and are written in batches: one transaction
 * takes the lock once, reads the head once and commits once for every append waiting.
 * Each append holding a pooled connection while it waited for the lock emptied the pool
 * under load (requests answered 503), and one commit per record could not keep up.
 */
@Injectable()
export class AuditService {
  private readonly queue: Pending[] = [];
  private draining = false;

  constructor(private readonly prisma: PrismaService) {}

  /** Resolves once the record is committed; rejects if it could not be written. */
  record(entry: AuditEntry): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0, MAX_BATCH);
        try {
          await this.appendInOwnTransaction(batch.map((p) => p.entry));
          for (const p of batch) p.resolve();
        } catch (error) {
          if (batch.length === 1) {
            batch[0]!.reject(error);
            continue;
          }
          // One record the database refuses must not cost the others theirs: one by one.
          for (const p of batch) await this.appendInOwnTransaction([p.entry]).then(p.resolve, p.reject);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  private appendInOwnTransaction(entries: AuditEntry[]): Promise<void> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
      await this.appendManyLocked(tx, entries);
    });
  }

  /**
   * Appends inside a transaction that already holds AUDIT_CHAIN_LOCK (the retention
   * purge does, to record its removal in the same commit). `prevHashIfEmpty` links
   * the record when the table holds nothing else, e.g. after a purge removed all.
   */
  appendLocked(tx: Prisma.TransactionClient, entry: AuditEntry, prevHashIfEmpty = GENESIS_HASH): Promise<void> {
    return this.appendManyLocked(tx, [entry], prevHashIfEmpty);
  }

  /** In order, each linked to the one before; an entry whose dedup key was seen is skipped. */
  private async appendManyLocked(tx: Prisma.TransactionClient, entries: AuditEntry[], prevHashIfEmpty = GENESIS_HASH): Promise<void> {
    const keys = entries.flatMap((e) => (e.dedupKey ? [e.dedupKey] : []));
    const seen = new Set(
      keys.length === 0
        ? []
        : (await tx.auditRecord.findMany({ where: { dedupKey: { in: keys } }, select: { dedupKey: true } })).map((r) => r.dedupKey),
    );
    const last = await tx.auditRecord.findFirst({ orderBy: { id: 'desc' }, select: { hash: true } });
    let prevHash = last?.hash ?? prevHashIfEmpty;
    for (const entry of entries) {
      if (entry.dedupKey) {
        if (seen.has(entry.dedupKey)) continue;
        seen.add(entry.dedupKey);
      }
      prevHash = await this.insert(tx, entry, prevHash);
    }
  }

  /** Writes one record after `prevHash`; returns its hash. */
  private async insert(tx: Prisma.TransactionClient, entry: AuditEntry, prevHash: string): Promise<string> {
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
    const hash = auditHash(prevHash, content);
    await tx.auditRecord.create({
      data: {
        ...content,
        occurredAt,
        outcome: entry.outcome,
        details: content.details as object,
        prevHash,
        hash,
        dedupKey: entry.dedupKey ?? null,
      },
    });
    return hash;
  }
}

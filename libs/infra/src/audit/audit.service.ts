import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '../prisma/prisma.service';

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

/** A record waiting in `record()`'s queue. */
interface Pending {
  readonly entry: AuditEntry;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/** Records written by one standalone INSERT at most. */
const MAX_BATCH = 100;

/**
 * Appends to the audit trail (§1.15). An append is one INSERT — no lock, no read of an earlier
 * row: the Merkle tree that makes the log verifiable is built afterwards by the one sealer
 * (audit-sealer.ts), which takes committed records in transaction-id order.
 *
 * `append(tx, …)` writes in the caller's transaction, so the record commits with the change it
 * records or not at all. `record(…)` is for facts with no business write of their own (a refused
 * login, the HTTP request trail); concurrent calls in one process share one multi-row INSERT, so a
 * burst costs one commit (one WAL flush) instead of one each.
 */
@Injectable()
export class AuditService {
  private readonly queue: Pending[] = [];
  private draining = false;

  constructor(private readonly prisma: PrismaService) {}

  /** One INSERT in `tx`; a record whose dedup key exists already is not written again. */
  async append(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<void> {
    await tx.$executeRaw(insertSql([entry]));
  }

  /** Resolves once the record is committed on its own; rejects if it could not be written. */
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
          await this.prisma.$executeRaw(insertSql(batch.map((p) => p.entry)));
          for (const p of batch) p.resolve();
        } catch (error) {
          if (batch.length === 1) {
            batch[0]!.reject(error);
            continue;
          }
          // One record the database refuses must not cost the others theirs: one by one.
          for (const p of batch) await this.prisma.$executeRaw(insertSql([p.entry])).then(() => p.resolve(), p.reject);
        }
      }
    } finally {
      this.draining = false;
    }
  }
}

/** INSERT … ON CONFLICT (dedup_key) DO NOTHING; `occurred_at` and `tx_id` are the database's defaults. */
function insertSql(entries: readonly AuditEntry[]): Prisma.Sql {
  const rows = entries.map(
    (e) => Prisma.sql`(${e.actorType}, ${e.actorId ?? null}, ${e.partnerId ?? null}::uuid, ${e.action}, ${e.targetType ?? null},
      ${e.targetId ?? null}, ${e.outcome}::"AuditOutcome", ${e.requestId ?? null}, ${e.clientAddress ?? null},
      ${JSON.stringify(e.details ?? {})}::jsonb, ${e.dedupKey ?? null})`,
  );
  return Prisma.sql`INSERT INTO audit_records
    (actor_type, actor_id, partner_id, action, target_type, target_id, outcome, request_id, client_address, details, dedup_key)
    VALUES ${Prisma.join(rows)}
    ON CONFLICT (dedup_key) DO NOTHING`;
}

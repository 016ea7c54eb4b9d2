import { PrismaService } from '../prisma/prisma.service';
import { RETENTION_PURGE_ACTION } from './audit-chain';
import { AUDIT_CHAIN_LOCK, AuditService } from './audit.service';

export interface PurgeResult {
  removed: number;
  removedThroughId: string | null;
  /** Records before this instant were eligible. */
  cutoff: string;
  /** The batch was full: older records remain for the next call. */
  more: boolean;
}

/**
 * Removes audit records older than the retention period (§1.15), oldest first and
 * at most `batchSize` per call, and records the removal — with the hash of the last
 * removed record, the anchor verification continues from — in the same commit.
 * The database enforces the rest (migration 20261124070000_audit_append_only): it
 * refuses to delete a record younger than the period named here, or any record
 * that is not part of the chain's oldest prefix.
 */
export class AuditRetention {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
  ) {}

  async purge(retentionMs: number, batchSize = 5000): Promise<PurgeResult> {
    if (!Number.isSafeInteger(retentionMs) || retentionMs <= 0) throw new Error('audit retention must be a positive number of ms');
    return this.prisma.$transaction(
      async (tx) => {
        // Appends wait meanwhile, so the chain's end can't move under the purge.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
        const [settings] = await tx.$queryRaw<{ cutoff: Date }[]>`
          SELECT set_config('audit.retention_purge', 'on', true),
                 set_config('audit.retention_ms', ${String(retentionMs)}, true),
                 now() - ${retentionMs}::bigint * INTERVAL '1 millisecond' AS cutoff`;
        const cutoff = settings!.cutoff;
        // Read from the oldest end by primary key; stop at the first record still
        // within the period, so only a prefix of the chain ever goes.
        const head = await tx.$queryRaw<{ id: bigint; occurred_at: Date; hash: string }[]>`
          SELECT id, occurred_at, hash FROM "audit_records" ORDER BY id LIMIT ${batchSize}`;
        let n = 0;
        while (n < head.length && head[n]!.occurred_at.getTime() < cutoff.getTime()) n++;
        if (n === 0) return { removed: 0, removedThroughId: null, cutoff: cutoff.toISOString(), more: false };
        const first = head[0]!;
        const last = head[n - 1]!;
        const removed = await tx.$executeRaw`DELETE FROM "audit_records" WHERE id <= ${last.id}`;
        await this.audit.appendLocked(
          tx,
          {
            actorType: 'SYSTEM',
            action: RETENTION_PURGE_ACTION,
            targetType: 'audit_records',
            outcome: 'SUCCESS',
            details: {
              removed,
              removedFromId: String(first.id),
              removedThroughId: String(last.id),
              lastRemovedHash: last.hash,
              cutoff: cutoff.toISOString(),
              retentionMs,
            },
          },
          last.hash,
        );
        return { removed, removedThroughId: String(last.id), cutoff: cutoff.toISOString(), more: n === batchSize };
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  }
}

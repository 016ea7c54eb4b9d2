import type { PrismaService } from '../prisma/prisma.service';
import { AuditService } from './audit.service';

/** The action of the record the retention purge appends; its details say which leaves lost their bodies. */
export const RETENTION_PURGE_ACTION = 'audit.retention.purge';

export interface PurgeResult {
  removed: number;
  /** Records of leaves below this index have been removed (after this purge); null when nothing went. */
  purgedBelowLeaf: number | null;
  /** Records before this instant were eligible. */
  cutoff: string;
  /** The batch was full: older records remain for the next call. */
  more: boolean;
}

/**
 * Removes the bodies of audit records older than the retention period (§1.15), in tree order and
 * at most `batchSize` per call, and records the removal in the same commit. Leaf hashes and tree
 * nodes stay, so every checkpoint ever exported and every proof stays verifiable; a removed body
 * is told from a deleted one by the purge records (`purgedBelowLeaf`), which are in the tree too.
 * The database enforces the rest (migration 20261201060000_audit_transparency_log): it refuses to
 * delete a record younger than the period named here, or one not sealed below the leaf named here.
 * Unsealed records are never removed: they wait for the sealer.
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
        const [settings] = await tx.$queryRaw<{ cutoff: Date }[]>`
          SELECT set_config('audit.retention_purge', 'on', true),
                 set_config('audit.retention_ms', ${String(retentionMs)}, true),
                 now() - ${retentionMs}::bigint * INTERVAL '1 millisecond' AS cutoff`;
        const cutoff = settings!.cutoff;
        const start = await this.purgedBelow(tx);
        // From the oldest surviving leaf, in tree order; stop at the first record still within
        // the period, so the removed bodies are always a prefix of the tree.
        const head = await tx.$queryRaw<{ leaf_index: bigint; occurred_at: Date | null }[]>`
          SELECT l.leaf_index, r.occurred_at FROM audit_leaves l LEFT JOIN audit_records r ON r.id = l.record_id
           WHERE l.leaf_index >= ${start} ORDER BY l.leaf_index LIMIT ${batchSize}`;
        let n = 0;
        while (n < head.length && (head[n]!.occurred_at === null || head[n]!.occurred_at!.getTime() < cutoff.getTime())) n++;
        if (n === 0) return { removed: 0, purgedBelowLeaf: null, cutoff: cutoff.toISOString(), more: false };
        const below = Number(head[n - 1]!.leaf_index) + 1;
        await tx.$executeRaw`SELECT set_config('audit.purge_below_leaf', ${String(below)}, true)`;
        const removed = await tx.$executeRaw`
          DELETE FROM audit_records r USING audit_leaves l
           WHERE l.record_id = r.id AND l.leaf_index >= ${start} AND l.leaf_index < ${below}`;
        await this.audit.append(tx, {
          actorType: 'SYSTEM',
          action: RETENTION_PURGE_ACTION,
          targetType: 'audit_records',
          outcome: 'SUCCESS',
          details: { removed, purgedFromLeaf: start, purgedBelowLeaf: below, cutoff: cutoff.toISOString(), retentionMs },
        });
        return { removed, purgedBelowLeaf: below, cutoff: cutoff.toISOString(), more: n === batchSize };
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
  }

  /** Where the previous purge stopped (0 before the first). */
  private async purgedBelow(tx: Parameters<Parameters<PrismaService['$transaction']>[0]>[0]): Promise<number> {
    const [row] = await tx.$queryRaw<{ below: string | null }[]>`
      SELECT max((details->>'purgedBelowLeaf')::bigint)::text AS below FROM audit_records WHERE action = ${RETENTION_PURGE_ACTION}`;
    return Number(row?.below ?? 0);
  }
}

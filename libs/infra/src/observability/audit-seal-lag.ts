import { Gauge, type Registry } from 'prom-client';
import type { PrismaService } from '../prisma/prisma.service';

/**
 * How far the audit log's sealing (audit-sealer.ts) trails its writers: now − the oldest
 * record not yet a leaf of the tree, 0 when every record is sealed. Unsealed records are
 * those after the last leaf in the sealer's own (tx_id, id) order, so the query reads only
 * the unsealed tail through the (tx_id, id) index, however long the log.
 */
const SEAL_LAG_SQL = `
  WITH last AS (SELECT tx_id, record_id FROM audit_leaves ORDER BY leaf_index DESC LIMIT 1)
  SELECT COALESCE(EXTRACT(EPOCH FROM now() - min(r.occurred_at)), 0)::float8 AS lag
    FROM audit_records r
   WHERE (r.tx_id, r.id) > (COALESCE((SELECT tx_id FROM last), '0'::xid8), COALESCE((SELECT record_id FROM last), 0))`;

export async function auditSealLagSeconds(prisma: PrismaService): Promise<number> {
  const [row] = await prisma.$queryRawUnsafe<Array<{ lag: number }>>(SEAL_LAG_SQL);
  return Number(row?.lag ?? 0);
}

/**
 * The gauge, read from the database at each scrape. When the query fails (database down)
 * the series is left out of that scrape rather than failing it: alert on its absence too.
 */
export function registerAuditSealLag(registry: Registry, prisma: PrismaService): Gauge {
  return new Gauge({
    name: 'bank_flows_audit_seal_lag_seconds',
    help: 'Age of the oldest audit record not yet sealed into the signed Merkle tree (0: all sealed)',
    registers: [registry],
    async collect() {
      this.reset();
      const lag = await auditSealLagSeconds(prisma).catch(() => undefined);
      if (lag !== undefined) this.set(lag);
    },
  });
}

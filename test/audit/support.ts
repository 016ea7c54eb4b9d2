import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { applyMigrations, recreateDatabase } from '../../scripts/db/migrate';
import { eventually } from '../support/harness';
import { auditPublicKey, auditSigningKey } from '@infra/audit/audit-keys';
import type { ExportOutcome, SinkLogger } from '@infra/audit/audit-checkpoint-sink';
import { AuditSealer, exportLatestCheckpoint } from '@infra/audit/audit-sealer';
import type { PrismaService } from '@infra/prisma/prisma.service';

/**
 * A freshly migrated database of a spec's own: tampering and retention purges
 * there can't disturb the records other specs of the run are writing and reading.
 */
export async function ownDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `${url.pathname}_audit_${randomUUID().slice(0, 8)}`;
  await recreateDatabase(url.toString());
  await applyMigrations(url.toString());
  return {
    url: url.toString(),
    async drop() {
      const admin = new URL(url);
      admin.pathname = '/postgres';
      const pg = new Client({ connectionString: admin.toString() });
      await pg.connect();
      await pg.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`).catch(() => undefined);
      await pg.end();
    },
  };
}

export interface AuditRow {
  id: string;
  occurred_at: Date;
  actor_type: string;
  actor_id: string | null;
  partner_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  request_id: string | null;
  client_address: string | null;
  details: Record<string, unknown>;
}

export const auditRows = async (pg: Client, where = 'TRUE', values: unknown[] = []) =>
  (
    await pg.query<AuditRow>(
      `SELECT id::text AS id, occurred_at, actor_type, actor_id, partner_id::text AS partner_id, action, target_type, target_id,
              outcome::text AS outcome, request_id, client_address, details
       FROM audit_records WHERE ${where} ORDER BY audit_records.id`,
      values,
    )
  ).rows;

/** Records are written when the answer has gone out, so a spec waits for them. */
export const waitForAudit = (pg: Client, what: string, where: string, values: unknown[] = [], count = 1) =>
  eventually(what, async () => {
    const rows = await auditRows(pg, where, values);
    return rows.length >= count ? rows : undefined;
  });

/**
 * Seals `prisma`'s database as the sealer activity does (the development key) until every record
 * committed before the call is a leaf, then exports to `dir`. Sealing waits for the oldest write
 * transaction running anywhere in the PostgreSQL cluster (other specs' too), hence the polling.
 */
export async function sealAndExport(prisma: PrismaService, dir: string, log: SinkLogger = { error: () => undefined }): Promise<ExportOutcome | 'empty'> {
  const sealer = new AuditSealer(prisma, { privateKey: auditSigningKey({}), name: DEV_KEY_NAME });
  const [{ last }] = await prisma.$queryRawUnsafe<{ last: string | null }[]>('SELECT max(id)::text AS last FROM audit_records');
  await eventually('every committed record sealed', async () => {
    while ((await sealer.seal()).more);
    const [{ unsealed }] = await prisma.$queryRawUnsafe<{ unsealed: number }[]>(
      'SELECT count(*)::int AS unsealed FROM audit_records r WHERE r.id <= $1::bigint AND NOT EXISTS (SELECT 1 FROM audit_leaves l WHERE l.record_id = r.id)',
      last ?? '0',
    );
    return unsealed === 0 ? true : undefined;
  });
  return exportLatestCheckpoint(prisma, dir, { publicKey: auditPublicKey({}), name: DEV_KEY_NAME }, log);
}

/** One seal, whatever it takes (it may take nothing while an older transaction runs). */
export const sealOnce = (prisma: PrismaService) => new AuditSealer(prisma, { privateKey: auditSigningKey({}), name: DEV_KEY_NAME }).seal();

export const DEV_KEY_NAME = 'bank-flows/audit';

import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { applyMigrations, recreateDatabase } from '../../scripts/db/migrate';
import { eventually } from '../support/harness';

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
  hash: string;
}

export const auditRows = async (pg: Client, where = 'TRUE', values: unknown[] = []) =>
  (
    await pg.query<AuditRow>(
      `SELECT id::text AS id, occurred_at, actor_type, actor_id, partner_id::text AS partner_id, action, target_type, target_id,
              outcome::text AS outcome, request_id, client_address, details, hash
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

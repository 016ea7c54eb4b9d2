import { Client } from 'pg';
import { DEV_AUDIT_PUBLIC_KEY } from '@infra/audit/audit-keys';
import { verifyAuditLog, type AuditLogVerdict } from '@infra/audit/audit-verify';
import { eventually } from '../../support/harness';

/**
 * Waits until the sealer has put every audit record committed so far into the tree and
 * exported a checkpoint covering them to `checkpointDir`, then checks the whole log against
 * that checkpoint (signature, every record against its leaf, nothing missing, the signed
 * root) with the operators' verifier, in one consistent snapshot as `npm run audit:verify` does.
 * `leaves`: how many leaves the tree had to reach to cover every record.
 */
export async function verifiedAuditLog(databaseUrl: string, checkpointDir: string, timeoutMs = 90_000): Promise<{ verdict: AuditLogVerdict; leaves: number }> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ last: string | null }>('SELECT max(id)::text AS last FROM audit_records');
    const last = rows[0]!.last ?? '0';
    const highest = await eventually(
      `every audit record up to ${last} sealed`,
      async () => {
        const { rows: r } = await db.query<{ unsealed: string; highest: string | null }>(
          `SELECT (SELECT count(*) FROM audit_records a WHERE a.id <= $1::bigint
                   AND NOT EXISTS (SELECT 1 FROM audit_leaves l WHERE l.record_id = a.id))::text AS unsealed,
                (SELECT max(leaf_index)::text FROM audit_leaves) AS highest`,
          [last],
        );
        return r[0]!.unsealed === '0' ? Number(r[0]!.highest ?? -1) : undefined;
      },
      timeoutMs,
    ).catch(async (error: Error) => {
      throw new Error(`${error.message}; oldest transaction on the server: ${await oldestTransaction(db)}`);
    });
    let verdict: AuditLogVerdict | undefined;
    await eventually(
      `a verified checkpoint of at least ${highest + 1} leaves in ${checkpointDir}`,
      async () => {
        await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
        try {
          verdict = await verifyAuditLog(db, checkpointDir, DEV_AUDIT_PUBLIC_KEY);
        } finally {
          await db.query('COMMIT');
        }
        // A checkpoint older than the records is not yet the one to judge by; a broken log is.
        return !verdict.ok || verdict.treeSize > highest ? verdict : undefined;
      },
      timeoutMs,
    ).catch(() => undefined);
    if (!verdict) throw new Error(`no checkpoint was exported to ${checkpointDir}`);
    return { verdict, leaves: highest + 1 };
  } finally {
    await db.end();
  }
}

/**
 * The sealer takes only records below the snapshot's xmin, which counts every running transaction
 * of the PostgreSQL server, other databases' included: when sealing stalls, this names the culprit.
 */
async function oldestTransaction(db: Client): Promise<string> {
  const { rows } = await db.query<{ datname: string; age: string; query: string }>(
    `SELECT datname, (now() - xact_start)::text AS age, left(query, 80) AS query FROM pg_stat_activity
      WHERE backend_xid IS NOT NULL ORDER BY xact_start LIMIT 1`,
  );
  return rows[0] ? `${rows[0].age} in ${rows[0].datname}: ${rows[0].query}` : 'none';
}

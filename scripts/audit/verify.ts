import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DEV_AUDIT_PUBLIC_KEY } from '@infra/audit/audit-keys';
import { verifyAuditLog } from '@infra/audit/audit-verify';
import { repoRoot } from '@infra/repo-root';

/**
 * `npm run audit:verify`: checks the whole audit log (§1.15) in one consistent snapshot against
 * the latest checkpoint exported to AUDIT_CHECKPOINT_DIR, signed by AUDIT_PUBLIC_KEY's key, and
 * prints OK or the first bad record. Exit code 1 when the log is not intact, 2 when it could not
 * be checked.
 */
async function main(): Promise<number> {
  const envFile = join(repoRoot(), '.env');
  if (!process.env.DATABASE_URL && existsSync(envFile)) process.loadEnvFile(envFile);
  const url = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/bank_flows';
  const dir = process.env.AUDIT_CHECKPOINT_DIR ?? 'var/audit-checkpoints';
  const publicKey = process.env.AUDIT_PUBLIC_KEY ?? DEV_AUDIT_PUBLIC_KEY;
  if (!process.env.AUDIT_PUBLIC_KEY) console.warn('AUDIT_PUBLIC_KEY is not set: checking against the development key');
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const verdict = await verifyAuditLog(db, dir, publicKey, process.env.AUDIT_KEY_NAME);
    await db.query('COMMIT');
    if (verdict.ok) {
      console.log(
        `audit log OK: tree of ${verdict.treeSize} leaves, root ${verdict.rootHash} as signed in ${dir}; ` +
          `${verdict.checked} records verified, ${verdict.purged} removed by retention`,
      );
      return 0;
    }
    const where = verdict.badRecordId ? ` at record ${verdict.badRecordId}` : '';
    console.log(`audit log BROKEN${where}: ${verdict.reason} (${verdict.checked} records before it verified)`);
    return 1;
  } finally {
    await db.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`audit verification could not run: ${error.message}`);
    process.exit(2);
  },
);

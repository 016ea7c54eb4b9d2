import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { verifyAuditChain } from '../../libs/infra/src/audit/audit-verify';
import { repoRoot } from '../repo-root';

/**
 * `npm run audit:verify`: walks the audit trail's hash chain (§1.15) in one
 * consistent snapshot and prints OK, or the first broken record. Exit code 1
 * when the chain is broken, 2 when it could not be checked.
 */
async function main(): Promise<number> {
  const envFile = join(repoRoot(), '.env');
  if (!process.env.DATABASE_URL && existsSync(envFile)) process.loadEnvFile(envFile);
  const url = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/bank_flows';
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const verdict = await verifyAuditChain(db);
    await db.query('COMMIT');
    if (verdict.ok) {
      const from = verdict.anchor.removedThroughId
        ? `the retention anchor (records through id ${verdict.anchor.removedThroughId} were removed by retention)`
        : 'the first record';
      console.log(`audit trail OK: ${verdict.checked} records verified from ${from}`);
      return 0;
    }
    console.log(`audit trail BROKEN at record ${verdict.brokenId}: ${verdict.reason} (${verdict.checked} records before it verified)`);
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

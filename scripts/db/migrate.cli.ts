import { applyMigrations, ensureDatabase } from './migrate';

// `npm run db:migrate`: create the database if needed and apply pending migrations.
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/bank_flows';
  if (await ensureDatabase(url)) console.log(`created database ${new URL(url).pathname.slice(1)}`);
  const report = await applyMigrations(url);
  console.log(`migrations: ${report.applied.length} applied, ${report.alreadyApplied.length} already in place`);
  for (const name of report.applied) console.log(`  applied ${name}`);
}

main().catch((error: Error) => {
  console.error(`migration failed: ${error.message}`);
  process.exit(1);
});

import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@infra/prisma/prisma.service';

/**
 * Makes PostgreSQL refuse the audit records `when` matches (an SQL condition over NEW), as a
 * full disk or a value the table rejects would: proves that the change the record is written
 * with does not commit either. SQLSTATE 23514 is a data error (an activity fails at once);
 * P0001 is not (it is retried). Returns the function that lifts the fault.
 */
export async function refuseAuditRecords(db: PrismaClient, when: string, sqlstate = '23514'): Promise<() => Promise<void>> {
  const name = `test_refuse_audit_${randomBytes(6).toString('hex')}`;
  await db.$executeRawUnsafe(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'audit record refused (test fault)' USING ERRCODE = '${sqlstate}'; END $$`);
  await db.$executeRawUnsafe(`CREATE TRIGGER ${name} BEFORE INSERT ON audit_records FOR EACH ROW WHEN (${when}) EXECUTE FUNCTION ${name}()`);
  return async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${name} ON audit_records`);
    await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS ${name}()`);
  };
}

/** A literal for `when` (ids are uuids and fixed words; quotes doubled all the same). */
export const sqlText = (value: string) => `'${value.replace(/'/g, "''")}'`;

import { NO_LOGIN_LOCK, type LoginLock } from '../../../domain/src/auth/login-lock';
import type { Prisma } from '../prisma/prisma.service';

type Db = Prisma.TransactionClient;

interface Row {
  password_failures: number;
  code_failures: number;
  lock_count: number;
  locked_until: Date | null;
}

const toLock = (row: Row | undefined): LoginLock =>
  row
    ? {
        passwordFailures: row.password_failures,
        codeFailures: row.code_failures,
        lockCount: row.lock_count,
        lockedUntil: row.locked_until ? row.locked_until.getTime() : null,
      }
    : NO_LOGIN_LOCK;

/**
 * The user's login counters (libs/domain/src/auth/login-lock.ts), row-locked until
 * the transaction ends, so concurrent failures, successes, recoveries and the
 * lock's end are applied one after another and none is lost.
 */
export async function lockLoginCounters(tx: Db, userId: string): Promise<LoginLock> {
  await tx.$executeRaw`INSERT INTO "login_locks" ("user_id", "updated_at") VALUES (${userId}::uuid, now()) ON CONFLICT DO NOTHING`;
  const rows = await tx.$queryRaw<Row[]>`
    SELECT "password_failures", "code_failures", "lock_count", "locked_until"
    FROM "login_locks" WHERE "user_id" = ${userId}::uuid FOR UPDATE`;
  return toLock(rows[0]);
}

/** The counters as they are now, for decisions that change nothing. */
export async function readLoginCounters(db: Db, userId: string): Promise<LoginLock> {
  const row = await db.loginLock.findUnique({ where: { userId } });
  return row
    ? { passwordFailures: row.passwordFailures, codeFailures: row.codeFailures, lockCount: row.lockCount, lockedUntil: row.lockedUntil?.getTime() ?? null }
    : NO_LOGIN_LOCK;
}

export async function saveLoginCounters(tx: Db, userId: string, lock: LoginLock): Promise<void> {
  await tx.loginLock.update({
    where: { userId },
    data: {
      passwordFailures: lock.passwordFailures,
      codeFailures: lock.codeFailures,
      lockCount: lock.lockCount,
      lockedUntil: lock.lockedUntil === null ? null : new Date(lock.lockedUntil),
    },
  });
}

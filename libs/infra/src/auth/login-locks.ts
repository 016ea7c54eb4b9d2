import type { UserStatus } from '@domain/access-level';
import { NO_LOGIN_LOCK, type LoginLock } from '@domain/auth/login-lock';
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

/**
 * The same row lock and counters, and the user's status, in one statement (a sign-in's hot
 * path): the upsert creates or locks the row and returns it either way.
 */
export async function lockLoginState(tx: Db, userId: string): Promise<{ lock: LoginLock; status: UserStatus }> {
  const rows = await tx.$queryRaw<(Row & { status: UserStatus })[]>`
    WITH l AS (
      INSERT INTO "login_locks" ("user_id", "updated_at") VALUES (${userId}::uuid, now())
      ON CONFLICT ("user_id") DO UPDATE SET "user_id" = EXCLUDED."user_id"
      RETURNING "user_id", "password_failures", "code_failures", "lock_count", "locked_until"
    )
    SELECT l."password_failures", l."code_failures", l."lock_count", l."locked_until", u."status"::text AS "status"
    FROM l JOIN "users" u ON u."id" = l."user_id"`;
  const row = rows[0];
  if (!row) throw new Error(`no user ${userId}`);
  return { lock: toLock(row), status: row.status };
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

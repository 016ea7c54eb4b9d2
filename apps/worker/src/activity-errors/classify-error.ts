import { isDomainError } from '@domain/domain-error';

/**
 * Whether an activity's error is about the data (asking again cannot help) or about the
 * moment (the database restarting, a lost connection, a serialization conflict): the first
 * must fail at once so the workflow can refuse the step, the second is retried.
 *
 * Through Prisma 7 with @prisma/adapter-pg, PostgreSQL's SQLSTATE arrives as
 * `error.meta.driverAdapterError.cause.originalCode` (e.g. a NUL in a text parameter:
 * P2039 with originalCode 22021; a foreign key: P2003 with 23503; a bad uuid: P2007 with
 * 22P02); an unreachable server has no SQLSTATE (P1001, kind DatabaseNotReachable).
 * The `pg` driver used directly puts it in `error.code`.
 */
export type ErrorClass = { kind: 'data'; cause: string } | { kind: 'transient' };

const SQLSTATE = /^[0-9A-Z]{5}$/;
/** 22 data exception, 23 integrity constraint violation: the statement can never succeed as it is. */
const DATA_CLASSES = new Set(['22', '23']);
/** Prisma's own codes for input the database refused (value too long, invalid value, null, range…). */
const PRISMA_DATA_CODES = new Set(['P2000', 'P2002', 'P2003', 'P2004', 'P2005', 'P2006', 'P2007', 'P2011', 'P2012', 'P2019', 'P2020', 'P2023']);

type Loose = { name?: unknown; code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } } }; cause?: unknown };

/** The SQLSTATE behind an error from Prisma (driver adapter) or `pg`, if any. */
export function sqlState(error: unknown): string | null {
  const e = error as Loose | null;
  if (e === null || typeof e !== 'object') return null;
  const adapter = e.meta?.driverAdapterError?.cause;
  // A Prisma error's own `code` is Prisma's (P2039), not PostgreSQL's.
  const own = typeof e.name === 'string' && e.name.startsWith('PrismaClient') ? undefined : e.code;
  for (const candidate of [adapter?.originalCode, adapter?.code, own]) {
    if (typeof candidate === 'string' && SQLSTATE.test(candidate)) return candidate;
  }
  return null;
}

export function classifyActivityError(error: unknown, depth = 0): ErrorClass {
  const e = error as Loose | null;
  if (e === null || typeof e !== 'object' || depth > 4) return { kind: 'transient' };
  const state = sqlState(e);
  if (state !== null) return DATA_CLASSES.has(state.slice(0, 2)) ? { kind: 'data', cause: `SQLSTATE ${state}` } : { kind: 'transient' };
  if (typeof e.code === 'string' && PRISMA_DATA_CODES.has(e.code)) return { kind: 'data', cause: `Prisma ${e.code}` };
  // A query Prisma could not even build from the values it was given.
  if (e.name === 'PrismaClientValidationError') return { kind: 'data', cause: 'PrismaClientValidationError' };
  // Input parsed by a zod schema or a domain parser inside the activity.
  if (e.name === 'ZodError') return { kind: 'data', cause: 'ZodError' };
  if (isDomainError(e.cause)) return { kind: 'data', cause: `domain ${e.cause.code}` };
  return e.cause === undefined ? { kind: 'transient' } : classifyActivityError(e.cause, depth + 1);
}

import { z } from 'zod';
import { Prisma } from '../../../../prisma/generated/prisma/client';
import { classifyActivityError, sqlState } from './classify-error';

/** Shaped as Prisma 7 + adapter-pg raise them (recorded against PostgreSQL 15, see classify-error.e2e-spec.ts). */
const known = (code: string, cause: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError('Database error.', {
    code,
    clientVersion: '7',
    meta: { driverAdapterError: { name: 'DriverAdapterError', message: String(cause.kind), cause } },
  });

describe('activity error classification', () => {
  it.each([
    ['a NUL in text (22021)', known('P2039', { originalCode: '22021', kind: 'postgres', code: '22021' })],
    ['a NUL in text (22P05)', known('P2010', { originalCode: '22P05', kind: 'postgres', code: '22P05' })],
    ['a bad uuid (22P02)', known('P2007', { originalCode: '22P02', kind: 'InvalidInputValue' })],
    ['an integer overflow (22003)', known('P2010', { originalCode: '22003', kind: 'ValueOutOfRange' })],
    ['a foreign key (23503)', known('P2003', { originalCode: '23503', kind: 'ForeignKeyConstraintViolation' })],
    ['a unique key (23505)', known('P2002', { originalCode: '23505', kind: 'UniqueConstraintViolation' })],
    ['a value too long (Prisma only)', new Prisma.PrismaClientKnownRequestError('too long', { code: 'P2000', clientVersion: '7' })],
    ['a query Prisma refused', new Prisma.PrismaClientValidationError('Unknown argument', { clientVersion: '7' })],
    ['a zod parse', z.object({ a: z.string() }).safeParse({ a: 1 }).error],
    ['a domain parse', new Error('PAYMENT.INVALID_AMOUNT: no', { cause: { code: 'PAYMENT.INVALID_AMOUNT', kind: 'INVALID', message: 'no' } })],
    ['a pg error (22021)', Object.assign(new Error('invalid byte sequence'), { code: '22021' })],
    ['wrapped data error', new Error('write failed', { cause: known('P2039', { originalCode: '22021' }) })],
  ])('%s is a data error: not retried', (_name, error) => {
    expect(classifyActivityError(error).kind).toBe('data');
  });

  it.each([
    ['an unreachable database', known('P1001', { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 1 })],
    ['an admin shutdown (57P01)', known('P2010', { originalCode: '57P01', kind: 'postgres', code: '57P01' })],
    ['a serialization failure (40001)', known('P2010', { originalCode: '40001', kind: 'TransactionWriteConflict' })],
    ['a deadlock (40P01)', known('P2010', { originalCode: '40P01', kind: 'postgres' })],
    ['a lost connection (08006)', Object.assign(new Error('connection failure'), { code: '08006' })],
    ['a reset socket', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })],
    ['a refused socket', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    ['a Prisma transaction timeout', new Prisma.PrismaClientKnownRequestError('Transaction API error', { code: 'P2028', clientVersion: '7' })],
    ['anything unknown', 'a string'],
  ])('%s is transient: retried', (_name, error) => {
    expect(classifyActivityError(error)).toEqual({ kind: 'transient' });
  });

  it('reads the SQLSTATE where the driver adapter puts it', () => {
    expect(sqlState(known('P2039', { originalCode: '22021' }))).toBe('22021');
    expect(sqlState(known('P1001', { kind: 'DatabaseNotReachable' }))).toBeNull();
  });
});

import type { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { createPrisma, type PrismaService } from '@infra/prisma/prisma.service';
import { ActivityAlert, ActivityErrorsInterceptor, DATA_REJECTED } from './activity-errors.interceptor';
import { classifyActivityError } from './classify-error';

/** Real errors from PostgreSQL through Prisma 7 + adapter-pg, classified and turned into failures. */
describe('activity errors from the real database', () => {
  let prisma: PrismaService;
  beforeAll(() => void (prisma = createPrisma(process.env.DATABASE_URL!)));
  afterAll(() => prisma.$disconnect());

  const caught = async (run: () => Promise<unknown>) =>
    run().then(
      () => {
        throw new Error('expected a failure');
      },
      (e: unknown) => e,
    );
  const nowhere = { key: 'no-such-key' };

  it.each([
    ['a NUL in a text column', () => prisma.paymentEvent.updateMany({ where: nowhere, data: { type: 'a\u0000b' } })],
    ['a NUL in a jsonb column (22P05)', () => prisma.paymentEvent.updateMany({ where: nowhere, data: { details: { reason: 'a\u0000b' } } })],
    ['a NUL inside a transaction', () => prisma.$transaction((tx) => tx.paymentEvent.updateMany({ where: nowhere, data: { actorType: 'a\u0000b' } }))],
    [
      'a foreign key',
      () =>
        prisma.paymentEvent.create({
          data: { paymentId: '00000000-0000-4000-8000-000000000001', key: `fk-${Date.now()}`, type: 't', actorType: 'SYSTEM', version: 1 },
        }),
    ],
    ['a malformed uuid', () => prisma.paymentEvent.findMany({ where: { paymentId: 'not-a-uuid' } })],
    ['an out-of-range integer', () => prisma.paymentEvent.updateMany({ where: nowhere, data: { version: 2 ** 31 } })],
  ])('%s is a data error', async (_name, run) => {
    expect(classifyActivityError(await caught(run)).kind).toBe('data');
  });

  it.each([
    ['a serialization failure (40001)', `DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '40001'; END $$`],
    ['a deadlock (40P01)', `DO $$ BEGIN RAISE EXCEPTION 'deadlock' USING ERRCODE = '40P01'; END $$`],
    ['an admin shutdown (57P01)', `DO $$ BEGIN RAISE EXCEPTION 'shutdown' USING ERRCODE = '57P01'; END $$`],
  ])('%s is transient', async (_name, sql) => {
    expect(classifyActivityError(await caught(() => prisma.$executeRawUnsafe(sql)))).toEqual({ kind: 'transient' });
  });

  it('an unreachable database is transient', async () => {
    const away = createPrisma('postgresql://postgres@127.0.0.1:1/none', 1, 300);
    expect(classifyActivityError(await caught(() => away.paymentEvent.count()))).toEqual({ kind: 'transient' });
    await away.$disconnect();
  });

  it('the interceptor fails a data error at once, without the value, and alerts', async () => {
    const lines: Record<string, unknown>[] = [];
    const ctx = { info: { activityType: 'recordPayment', attempt: 1, workflowExecution: { workflowId: 'payment-x', runId: 'r' } } } as unknown as Context;
    const interceptor = new ActivityErrorsInterceptor(ctx, { error: (fields) => void lines.push(fields) });
    const poison = () => prisma.paymentEvent.updateMany({ where: nowhere, data: { details: { reason: 'secret\u0000value' } } });
    const failure = await caught(() => interceptor.execute({ args: [], headers: {} }, poison));
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: DATA_REJECTED, nonRetryable: true });
    expect(JSON.stringify([(failure as Error).message, lines])).not.toContain('secret');
    expect(lines).toEqual([expect.objectContaining({ alert: ActivityAlert.DATA_REJECTED, activityType: 'recordPayment', workflowId: 'payment-x' })]);
  });

  it('the interceptor rethrows a transient error as it is, and alerts once it keeps failing', async () => {
    const lines: Record<string, unknown>[] = [];
    const ctx = { info: { activityType: 'recordPayment', attempt: 7, workflowExecution: { workflowId: 'payment-x', runId: 'r' } } } as unknown as Context;
    const interceptor = new ActivityErrorsInterceptor(ctx, { error: (fields) => void lines.push(fields) });
    const conflict = await caught(() => prisma.$executeRawUnsafe(`DO $$ BEGIN RAISE EXCEPTION 'c' USING ERRCODE = '40001'; END $$`));
    const failure = await caught(() => interceptor.execute({ args: [], headers: {} }, () => Promise.reject(conflict)));
    expect(failure).toBe(conflict);
    expect(lines).toEqual([expect.objectContaining({ alert: ActivityAlert.KEEPS_FAILING, attempt: 7 })]);
  });
});

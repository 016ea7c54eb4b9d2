import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { CoreBankingActivitiesImpl } from '../../apps/worker/src/core-banking/core-banking.activities';
import { createPrisma } from '@infra/prisma/prisma.service';
import { encryptedDataConverter } from '@infra/temporal/encryption-codec';
import { startHarness, type Harness } from '../support/harness';
import { insertPayment, openPartner } from './support/ledger-fixtures';

/**
 * A worker that dies after the ledger committed but before Temporal heard the result
 * (§2.4): Temporal retries the activity on another worker, which must return the
 * recorded outcome — the payment is debited exactly once.
 */
describe('bank execution when the worker dies mid-way', () => {
  let h: Harness;
  let code: string;
  const db = createPrisma(process.env.DATABASE_URL!);
  const connections: NativeConnection[] = [];

  beforeAll(async () => {
    h = await startHarness();
    ({ code } = await bundleWorkflowCode({ workflowsPath: require.resolve('./support/execute-payment.workflow') }));
  });
  afterAll(async () => {
    await Promise.all(connections.map((c) => c.close().catch(() => undefined)));
    await h.close();
    await db.$disconnect();
  });

  const workerOn = async (taskQueue: string, executePayment: (input: { paymentId: string }) => Promise<unknown>) => {
    const connection = await NativeConnection.connect({ address: h.env.TEMPORAL_ADDRESS });
    connections.push(connection);
    return Worker.create({
      connection,
      taskQueue,
      workflowBundle: { code },
      dataConverter: encryptedDataConverter(h.env.PAYLOAD_KEYS),
      activities: { executePayment },
      shutdownGraceTime: '100 ms',
      shutdownForceTime: '300 ms',
    });
  };

  it('executes exactly once when the worker is killed between posting and the workflow recording it', async () => {
    const p = await openPartner(h);
    const payment = await insertPayment(db, { partnerId: p.partnerId, authorId: p.userIds[0]!, debitIban: p.ibans[0]!, amountTiyn: 7_500_00n });
    const bank = h.worker.app.get(CoreBankingActivitiesImpl);
    const taskQueue = `ledger-crash-${randomUUID()}`;

    let posted!: () => void;
    const postedNow = new Promise<void>((resolve) => (posted = resolve));
    // The first worker posts, then hangs as a dying process would: its result never leaves.
    const dying = await workerOn(taskQueue, async (input) => {
      await bank.executePayment(input);
      posted();
      return new Promise(() => undefined);
    });
    const dyingRun = dying.run();
    const handle = await h.temporal.workflow.start('executePaymentTestWorkflow', { taskQueue, workflowId: `ledger-crash-${payment.id}`, args: [payment.id] });
    await postedNow;
    expect(await db.ledgerPosting.count({ where: { paymentId: payment.id } })).toBe(1);
    dying.shutdown();
    await expect(dyingRun).rejects.toThrow();

    const fresh = await workerOn(taskQueue, (input) => bank.executePayment(input));
    const result = await fresh.runUntil(handle.result());

    const posting = await db.ledgerPosting.findUniqueOrThrow({ where: { paymentId: payment.id }, include: { entries: true } });
    expect(result).toEqual({ outcome: 'EXECUTED', executedAt: posting.recordedAt.toISOString() });
    expect(posting.entries.filter((e) => e.direction === 'DEBIT')).toHaveLength(1);
    expect((await db.account.findUniqueOrThrow({ where: { iban: p.ibans[0]! } })).balanceTiyn).toBe(100_000_000n - 750_000n);
    const started = (await handle.fetchHistory()).events!.filter((e) => e.activityTaskStartedEventAttributes);
    expect(started.map((e) => e.activityTaskStartedEventAttributes!.attempt)).toEqual([expect.any(Number)]);
    expect(started[0]!.activityTaskStartedEventAttributes!.attempt).toBeGreaterThanOrEqual(2);
  });
});

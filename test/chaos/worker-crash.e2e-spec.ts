import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createPrisma } from '@infra/prisma/prisma.service';
import type { Managed } from '../../scripts/stack/processes';
import { ROOT } from '../../scripts/stack/temporal';
import { cabinet, requestCode, statusBecomes, submitted, verify } from '../payments/support';
import { call, eventually, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { applicationStatus, completeRegistration, invite, smsCodes } from './support/flows';
import { crash, spawnWorker } from './support/worker-process';

/**
 * The worker killed with SIGKILL in the middle of registrations and approvals, as
 * a crash or an OOM kill would, then started again. Activities it was running time
 * out and run again on the new process; every flow completes, a retried send
 * repeats the same code (never a second one), and no payment posts twice.
 */
describe('chaos: the worker killed mid-flow', () => {
  let h: Harness;
  let worker: Managed;
  const mail = new MailCatcher();
  const db = createPrisma(process.env.DATABASE_URL!);
  const logDir = join(ROOT, '.data', 'test', `chaos-worker-${randomUUID().slice(0, 8)}`);
  let restarts = 0;
  const startWorker = async () => {
    worker = await spawnWorker({ TEMPORAL_TASK_QUEUE: h.env.TEMPORAL_TASK_QUEUE }, join(logDir, `worker-${restarts++}.log`));
  };
  const crashAndRestart = async () => {
    await crash(worker);
    await startWorker();
  };

  beforeAll(async () => {
    h = await startHarness();
    // Only the API stays in this process; the worker runs as a child we can kill.
    await h.worker.shutdown();
    await startWorker();
  });
  afterAll(async () => {
    await worker.stop();
    await h.api.close();
    await h.temporal.connection.close();
    await db.$disconnect();
  });

  const linkToken = async (email: string) => {
    const [first] = await mail.waitFor(email, 1, 90_000);
    return /\/register\/([A-Za-z0-9_-]{43})/.exec(first!.text)![1]!;
  };

  it('registrations: killed while links go out, then while codes go out; each completes with one code per request', async () => {
    const apps = await Promise.all([invite(h, 3), invite(h, 3)]);
    await crashAndRestart();
    const users = apps.flatMap((a) => a.users);
    const tokens = await Promise.all(users.map((u) => linkToken(u.email)));

    const requests = tokens.map((token) => call(h, 'POST', `/v1/registrations/${token}/code`));
    await eventually('the first SMS out', async () => ((await Promise.all(users.map((u) => smsCodes(mail, u.phone)))).some((c) => c.length) ? true : undefined));
    await crashAndRestart();
    expect((await Promise.all(requests)).map((r) => r.status)).toEqual(users.map(() => 202));

    for (const [i, user] of users.entries()) {
      const codes = await eventually(
        `an SMS to user ${i}`,
        async () => {
          const found = await smsCodes(mail, user.phone);
          return found.length ? found : undefined;
        },
        30_000,
      );
      // A retried send may repeat the message, never change the code.
      expect(new Set(codes).size).toBe(1);
      await completeRegistration(h, tokens[i]!, codes[0]!);
    }
    for (const app of apps) await applicationStatus(h, app.applicationId, 'COMPLETED');
  });

  it('approvals: killed while documents are confirmed and executed; each posts once and the ledger balances', async () => {
    const c = await cabinet(h, mail, ['FULL_ACCESS']);
    const user = c.users[0]!;
    const iban = c.partner.accounts[0]!;
    const opening = (await db.account.findUniqueOrThrow({ where: { iban } })).balanceTiyn;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await submitted(h, c, user, '100.00'));
    const challenges: Awaited<ReturnType<typeof requestCode>>[] = [];
    for (const id of ids) challenges.push(await requestCode(h, mail, user, id));

    const verifies = ids.map((id, i) => verify(h, user, id, challenges[i]!.challengeId, challenges[i]!.code));
    await eventually('a first posting', async () => ((await db.ledgerPosting.count({ where: { paymentId: { in: ids } } })) > 0 ? true : undefined));
    await crashAndRestart();
    const answers = await Promise.all(verifies);
    expect(answers.map((a) => a.status)).toEqual(ids.map(() => 200));
    for (const id of ids) {
      const done = await statusBecomes(h, user, id, 'EXECUTED', 90_000);
      expect(done.confirmations).toHaveLength(1);
    }

    const postings = await db.ledgerPosting.findMany({ where: { paymentId: { in: ids } }, include: { entries: true } });
    expect(postings).toHaveLength(ids.length);
    const sum = (entries: { direction: string; amountTiyn: bigint }[], direction: string) =>
      entries.filter((e) => e.direction === direction).reduce((s, e) => s + e.amountTiyn, 0n);
    for (const p of postings) {
      expect(p.entries.filter((e) => e.accountIban === iban && e.direction === 'DEBIT')).toHaveLength(1);
      // Double entry: what left the partner's account arrived on the other side; the ledger's total does not move.
      expect(sum(p.entries, 'DEBIT')).toBe(sum(p.entries, 'CREDIT'));
    }
    expect((await db.account.findUniqueOrThrow({ where: { iban } })).balanceTiyn).toBe(opening - 5n * 100_00n);
  });
});

import { Client, Connection } from '@temporalio/client';
import { createPrisma } from '../../libs/infra/src/prisma/prisma.service';
import { encryptedDataConverter } from '../../libs/infra/src/temporal/encryption-codec';
import { measure, type BenchContext } from '../support/context';
import { until } from '../support/http';
import { memoryOf, ms, num, table, usageTable, type Section } from '../support/report';
import { timerLateness, waitUntil } from '../support/timers';
import { startRegistrations } from './waiting-setup';

/**
 * Benchmark 5: waiting is free. N registration workflows are started straight
 * through the Temporal client (the set-up through REST would be a benchmark of its
 * own) for users inserted in the database, each e-mailing its link and then waiting
 * on its link-lifetime timer. All have the same lifetime, so once the last has started
 * and settled they all wait (the API's and the worker's CPU is metered then), and they
 * fall due in start order at the pace the worker could take them on.
 */
export async function waitingBench(ctx: BenchContext): Promise<Section> {
  const { stack } = ctx;
  const count = ctx.quick ? 500 : 10_000;
  const idleS = ctx.quick ? 10 : 60;
  const perSecond = ctx.quick ? 20 : 25;
  // Long enough to start them all at that pace with room to spare, then sit idle.
  const linkTtlMs = ((count / perSecond) * 1.5 + idleS + 30) * 1000;
  const db = createPrisma(stack.databaseUrl);
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const temporal = new Client({ connection, dataConverter: encryptedDataConverter(stack.env.PAYLOAD_KEYS) });
  try {
    const begin = Date.now();
    ctx.log(`  starting ${count} registrations at up to ${perSecond}/s, each due ${Math.round(linkTtlMs / 1000)} s after its start`);
    const setup = await startRegistrations(db, temporal, {
      count, perSecond, maxUnsettled: 200, linkTtlMs, deadline: begin + linkTtlMs - (idleS + 20) * 1000, taskQueue: stack.env.TEMPORAL_TASK_QUEUE!,
    });
    const { partnerId } = setup;
    const dues = await db.registration.aggregate({ where: { user: { partnerId } }, _min: { expiresAt: true }, _max: { expiresAt: true } });
    const firstDue = dues._min.expiresAt!.getTime();
    const lastDue = dues._max.expiresAt!.getTime();
    const idleFor = Math.max(0, Math.min(idleS * 1000, firstDue - Date.now() - 2_000));
    ctx.log(`  ${setup.started} started in ${Math.round((setup.startedAt - begin) / 1000)} s; idle for ${Math.round(idleFor / 1000)} s`);
    const idle = await measure(ctx);
    await new Promise((r) => setTimeout(r, idleFor));
    const idleUsage = await idle.stop();

    await waitUntil(firstDue);
    const firing = await measure(ctx);
    // Not fatal: a worker that cannot keep up is a finding, reported with what did expire.
    const expiredAll = await until('every registration to expire', async () => {
      const n = await db.registration.count({ where: { status: 'EXPIRED', user: { partnerId } } });
      return n >= setup.started ? true : undefined;
    }, lastDue - Date.now() + 120_000, 1000).catch(() => false);
    const firingUsage = await firing.stop();
    const late = await timerLateness(db, temporal, partnerId, ctx.quick ? 50 : 200);
    const firingS = (lastDue - firstDue) / 1000;
    const met = late.fired.p99 <= 1000;
    return {
      title: '5. Waiting is free: registrations waiting on their timers',
      memory: [memoryOf(`${setup.started} registrations waiting (idle)`, idleUsage.usage), memoryOf('their timers firing', firingUsage.usage)],
      goals: [
        { what: `${setup.started} waiting registrations: API + worker CPU at idle`, target: 'near zero', measured: `api ${num(idleUsage.usage.api!.cpuPercent)} %, worker ${num(idleUsage.usage.worker!.cpuPercent)} % of a core`, met: idleUsage.usage.api!.cpuPercent + idleUsage.usage.worker!.cpuPercent < 5 },
        { what: 'link-expiry timers fire after their due time (Temporal history)', target: 'within 1 s', measured: `p50 ${ms(late.fired.p50)}, p99 ${ms(late.fired.p99)}, max ${ms(late.fired.max)}`, met },
        { what: '… and the EXPIRED status is in PostgreSQL (what a user sees)', target: 'within 1 s', measured: `p50 ${ms(late.recorded.p50)}, p99 ${ms(late.recorded.p99)}, max ${ms(late.recorded.max)}`, met: late.recorded.p99 <= 1000 },
      ],
      lines: [
        `${setup.started} of ${count} registration workflows started through the Temporal client in ${num((setup.startedAt - begin) / 1000, 0)} s (at most ${perSecond}/s, and`,
        'only while fewer than 200 were still sending their link and recording their first status and audit record), for users',
        `inserted straight into the database. ${setup.settledAt ? `All had settled ${num((setup.settledAt - setup.startedAt) / 1000, 0)} s after the last start.` : '**They had not all settled before the idle window: the idle figures include that work.**'}`,
        `Each then waited on its link-lifetime timer (${num(linkTtlMs / 1000, 0)} s), so they fell due in start order over ${num(firingS, 0)} s`,
        `(${num(setup.started / Math.max(firingS, 1), 0)} per second), each then recording EXPIRED and an audit record through the one worker.`,
        expiredAll ? '' : `**Not every registration had expired ${120} s after the last due time: the figures below cover those that had.**`,
        '',
        `Idle, ${num(idleFor / 1000, 0)} s with all ${setup.started} workflows waiting:`,
        '',
        ...usageTable(idleUsage.usage),
        '',
        'While the timers fired:',
        '',
        ...usageTable(firingUsage.usage),
        '',
        ...table(
          ['lateness after the due time', 'p50', 'p99', 'max', 'of'],
          [
            ['status `EXPIRED` recorded in PostgreSQL (what a user sees)', ms(late.recorded.p50), ms(late.recorded.p99), ms(late.recorded.max), late.recorded.n],
            ['timer fired (TimerFired event, sample of histories)', ms(late.fired.p50), ms(late.fired.p99), ms(late.fired.max), late.fired.n],
            ['… of which the server (fired vs timer started + duration)', ms(late.server.p50), ms(late.server.p99), ms(late.server.max), late.server.n],
          ],
        ),
        '',
        'A timer starts when the workflow task that set it completes, with a duration counted from that task\'s start: the',
        'time the worker took over that task is added to the wait.',
        '',
        'Between the timer firing and the status in PostgreSQL (the same sample of histories):',
        '',
        ...table(
          ['phase', 'p50', 'p99', 'max'],
          (
            [
              ['timer fired → the worker starts the workflow task', late.after.toWorkflowTask],
              ['the workflow task on the worker', late.after.workflowTask],
              ['status activity scheduled → started on the worker', late.after.toActivity],
              ['the status activity (database update)', late.after.activity],
            ] as const
          ).map(([what, s]) => [what, ms(s.p50), ms(s.p99), ms(s.max)]),
        ),
      ],
    };
  } finally {
    await connection.close();
    await db.$disconnect();
  }
}

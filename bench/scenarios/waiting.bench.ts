import { Client, Connection } from '@temporalio/client';
import { createPrisma } from '@infra/prisma/prisma.service';
import { encryptedDataConverter } from '@infra/temporal/encryption-codec';
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
  const count = Number(process.env.BENCH_WAITING_FLOWS ?? (ctx.quick ? 200 : 10_000));
  const idleS = ctx.quick ? 5 : 60;
  const perSecond = ctx.quick ? 50 : 40;
  const maxUnsettled = 400;
  // After the last due time, how long the expiries may trail before the run stops waiting.
  const graceS = ctx.quick ? 20 : 120;
  // Long enough to start them all at that pace with room to spare, then sit idle.
  const marginS = ctx.quick ? 15 : 30;
  const linkTtlMs = ((count / perSecond) * 1.5 + idleS + marginS) * 1000;
  // Every wait below ends by then: start (≤ the link lifetime) + firing (≤ the start span) + grace.
  const boundS = (2 * linkTtlMs) / 1000 + graceS;
  const db = createPrisma(stack.databaseUrl);
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const temporal = new Client({ connection, dataConverter: encryptedDataConverter(stack.env.PAYLOAD_KEYS) });
  try {
    const begin = Date.now();
    ctx.log(
      `  starting ${count} registrations at up to ${perSecond}/s, each due ${Math.round(linkTtlMs / 1000)} s after its start; bounded at ${Math.round(boundS / 60)} min`,
    );
    const setup = await startRegistrations(db, temporal, {
      count,
      perSecond,
      maxUnsettled,
      linkTtlMs,
      deadline: begin + linkTtlMs - (idleS + marginS - 10) * 1000,
      taskQueue: stack.env.TEMPORAL_TASK_QUEUE!,
      tick: () => ctx.mail.clear(),
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
    const expiredCount = () => db.registration.count({ where: { status: 'EXPIRED', user: { partnerId } } });
    // Not fatal: a worker that cannot keep up is a finding, reported with what did expire.
    const expiredAll = await until(
      'every registration to expire',
      async () => ((await expiredCount()) >= setup.started ? true : undefined),
      lastDue - Date.now() + graceS * 1000,
      1000,
    ).catch(() => false);
    const expired = await expiredCount();
    const firingUsage = await firing.stop();
    const late = await timerLateness(db, temporal, partnerId, ctx.quick ? 20 : 200);
    const firingS = (lastDue - firstDue) / 1000;
    const idleCpu = idleUsage.usage.api!.cpuPercent + idleUsage.usage.worker!.cpuPercent;
    const IDLE_CPU_LIMIT = 5;
    const completed = setup.started === count && expiredAll;
    return {
      title: '5. Waiting is free: registrations waiting on their timers',
      memory: [memoryOf(`${setup.started} registrations waiting (idle)`, idleUsage.usage), memoryOf('their timers firing', firingUsage.usage)],
      goals: [
        {
          what: `${count} waiting flows: every one started, waited and expired`,
          measured: `${setup.started} started, ${expired} expired`,
          limit: `${count}`,
          ratio: expired / count,
          target: '= 1.00 within the bound',
          met: completed,
        },
        {
          what: `idle CPU of API + worker with ${setup.started} flows waiting`,
          measured: `${num(idleCpu)} % of a core (api ${num(idleUsage.usage.api!.cpuPercent)}, worker ${num(idleUsage.usage.worker!.cpuPercent)})`,
          limit: `${IDLE_CPU_LIMIT} % of a core`,
          ratio: idleCpu / IDLE_CPU_LIMIT,
          target: '≤ 1.00',
          met: idleCpu <= IDLE_CPU_LIMIT,
        },
        {
          what: 'how late the link-expiry timers fire (TimerFired after the due time, p99)',
          measured: `${ms(late.fired.p99)} (p50 ${ms(late.fired.p50)}, max ${ms(late.fired.max)})`,
          limit: '1000 ms',
          ratio: late.fired.p99 / 1000,
          target: '≤ 1.00',
          met: late.fired.n > 0 && late.fired.p99 <= 1000,
        },
        {
          what: '… and EXPIRED is in PostgreSQL (what a user sees), p99',
          measured: `${ms(late.recorded.p99)} (p50 ${ms(late.recorded.p50)}, max ${ms(late.recorded.max)})`,
          limit: '1000 ms',
          ratio: late.recorded.p99 / 1000,
          target: '≤ 1.00',
          met: late.recorded.n > 0 && late.recorded.p99 <= 1000,
        },
      ],
      lines: [
        `${setup.started} of ${count} registration workflows started through the Temporal client in ${num((setup.startedAt - begin) / 1000, 0)} s (at most ${perSecond}/s, and`,
        `only while fewer than ${maxUnsettled} were still sending their link and recording their first status and audit record), for users`,
        `inserted straight into the database. ${setup.settledAt ? `All had settled ${num((setup.settledAt - setup.startedAt) / 1000, 0)} s after the last start.` : '**They had not all settled before the idle window: the idle figures include that work.**'}`,
        `Each then waited on its link-lifetime timer (${num(linkTtlMs / 1000, 0)} s), so they fell due in start order over ${num(firingS, 0)} s`,
        `(${num(setup.started / Math.max(firingS, 1), 0)} per second), each then recording EXPIRED and an audit record through the one worker.`,
        expiredAll
          ? ''
          : `**${setup.started - expired} of ${setup.started} had not expired ${graceS} s after the last due time: the figures below cover those that had.**`,
        `The run is bounded at ${num(boundS / 60, 0)} min (start ≤ the link lifetime, firing ≤ the start span, ${graceS} s of grace); MailDev is emptied`,
        'every 10 s while the links go out, so the mail catcher does not grow with the run.',
        '',
        `Worker RSS peak while the timers fired: ${num(firingUsage.usage.worker!.rssPeakMiB, 0)} MiB. Workflow tasks that timed out (and were`,
        `redone) in the ${late.sampled} sampled histories: ${late.taskTimeouts}. Both are where the failure of the run before issue 14`,
        "showed (timed out waiting for the expiries): its worker ran the SDK's default cache, sized from the V8 heap limit (≈ 2,300",
        'workflows here, about 1 MB each; RSS 2.5–3 GB), near which GC pauses stretch workflow tasks past their 10 s timeout. The',
        'cache is now configured (`WORKER_MAX_CACHED_WORKFLOWS`), and this run is bounded and reports what expired rather than failing.',
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
        "A timer starts when the workflow task that set it completes, with a duration counted from that task's start: the",
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

import type { Request } from 'autocannon';
import { randomInt } from 'node:crypto';
import { codeScope } from '@infra/crypto/scopes';
import { SecretKeys } from '@infra/crypto/secret-keys';
import { createPrisma } from '@infra/prisma/prisma.service';
import { bin, kzIban } from '../../test/support/fixtures';
import { paymentCodeScope } from '@workflows/payment/payment.messages';
import { activePartner, type ActivePartner } from '../support/active-partner';
import { measure, type BenchContext } from '../support/context';
import { waitLines } from '../support/db-waits';
import { until } from '../support/http';
import { percentile, runLoad } from '../support/load';
import { memoryOf, ms, num, pct, table, usageTable, type Section } from '../support/report';
import { probeAt } from './temporal-probe';

/** Documents in flight at once, and the probe's flows at a time: the same concurrency for figure and limit. */
const CLIENTS = 50;
const QUICK_CLIENTS = 8;
const WORKER_RSS_LIMIT_MIB = 600;

const STEPS = ['POST /v1/payments (draft)', 'POST …/submit', 'POST …/confirmations (SMS code)', 'POST …/confirmations/{id}/verify'];

/**
 * The four calls of one document, as one connection's request sequence. The code
 * the SMS carries is derived with the service's key, as the phone would show it
 * (reading MailDev per document would measure MailDev); every SMS is still sent.
 */
function documentFlow(partner: ActivePartner, keys: SecretKeys): Request[] {
  let next = 0;
  const json = { 'content-type': 'application/json' };
  const auth = (ctx: Record<string, any>) => ({ ...json, authorization: `Bearer ${partner.sessions[ctx.user]}` });
  const keep = (field: string, as: string) => (status: number, body: string, ctx: Record<string, any>) => {
    if (status < 300) ctx[as] = JSON.parse(body)[field];
  };
  return [
    {
      method: 'POST',
      path: '/v1/payments',
      setupRequest: (req, ctx) => {
        ctx.user = next++ % partner.sessions.length;
        const beneficiary = { name: `ТОО «Получатель ${randomInt(1e6)}»`, binIin: bin(), iban: kzIban(), bic: 'CASPKZKA', kbe: '17' };
        const body = { debitIban: partner.accounts[0], amount: '1.00', beneficiary, knp: '710', purpose: 'Оплата по договору поставки' };
        return { ...req, headers: auth(ctx), body: JSON.stringify(body) };
      },
      onResponse: keep('id', 'id'),
    },
    { method: 'POST', setupRequest: (req, ctx) => (ctx.id ? { ...req, path: `/v1/payments/${ctx.id}/submit`, headers: auth(ctx) } : null) },
    {
      method: 'POST',
      setupRequest: (req, ctx) => (ctx.id ? { ...req, path: `/v1/payments/${ctx.id}/confirmations`, headers: auth(ctx) } : null),
      onResponse: keep('challengeId', 'challengeId'),
    },
    {
      method: 'POST',
      setupRequest: (req, ctx) => {
        if (!ctx.challengeId) return null;
        const code = keys.deriveCode(codeScope(paymentCodeScope(ctx.id, ctx.challengeId), 1));
        return { ...req, path: `/v1/payments/${ctx.id}/confirmations/${ctx.challengeId}/verify`, headers: auth(ctx), body: JSON.stringify({ code }) };
      },
    },
  ];
}

/** Benchmark 3: end-to-end payment approval, create → submit → confirm with code → executed. */
export async function paymentsBench(ctx: BenchContext): Promise<Section> {
  const clients = ctx.quick ? QUICK_CLIENTS : CLIENTS;
  const seconds = ctx.quick ? 15 : 60;
  const partner = await activePartner(ctx, 20);
  const db = createPrisma(ctx.stack.databaseUrl);
  try {
    const started = new Date();
    const metering = await measure(ctx);
    const load = await runLoad({
      url: ctx.stack.apiUrl,
      connections: clients,
      durationS: seconds,
      requests: documentFlow(partner, new SecretKeys(ctx.stack.env.APP_SECRET!)),
    });
    const loadEnded = Date.now();
    const where = { partnerId: partner.partnerId, createdAt: { gte: started } };
    await until(
      'the bank to execute every confirmed document',
      async () => ((await db.payment.count({ where: { ...where, status: 'SENT_TO_BANK' } })) === 0 ? true : undefined),
      180_000,
      500,
    );
    const drainS = (Date.now() - loadEnded) / 1000;
    const { usage, waits } = await metering.stop();
    const executed = await db.payment.findMany({ where: { ...where, status: 'EXECUTED' }, select: { id: true, confirmations: { select: { confirmedAt: true } } } });
    const postings = await db.ledgerPosting.findMany({ where: { paymentId: { in: executed.map((p) => p.id) } }, select: { paymentId: true, recordedAt: true } });
    const postedAt = new Map(postings.map((p) => [p.paymentId, p.recordedAt.getTime()]));
    const lag = executed.map((p) => postedAt.get(p.id)! - Math.max(...p.confirmations.map((c) => c.confirmedAt.getTime())));
    const wallS = (Date.now() - started.getTime()) / 1000;
    const docsPerS = executed.length / wallS;

    ctx.log(`  ${executed.length} documents executed`);
    const lanes = clients;
    const probe = await probeAt(ctx, lanes);
    const ratio = docsPerS / probe.flowsPerSecond;
    const workerPeak = usage.worker!.rssPeakMiB;
    const perDoc = (cpuSeconds: number) => `${((cpuSeconds * 1000) / Math.max(executed.length, 1)).toFixed(1)} ms`;
    return {
      title: '3. End-to-end payment approval',
      memory: [memoryOf(`payment approval, ${clients} clients`, usage)],
      goals: [
        {
          what: `documents executed/s vs the bare dev server's flows/s of the same shape, ${clients} at a time`,
          measured: `${num(docsPerS)}/s`,
          limit: `${num(probe.flowsPerSecond)}/s`,
          ratio,
          target: '≥ 0.50',
          met: ratio >= 0.5,
        },
        {
          what: 'worker RSS peak under the payment load',
          measured: `${num(workerPeak, 0)} MiB`,
          limit: `${WORKER_RSS_LIMIT_MIB} MiB`,
          ratio: workerPeak / WORKER_RSS_LIMIT_MIB,
          target: '≤ 1.00',
          met: workerPeak > 0 && workerPeak <= WORKER_RSS_LIMIT_MIB,
        },
      ],
      lines: [
        `${clients} clients, each repeating one document's four calls for ${seconds} s (1.00 KZT each, ${partner.sessions.length} signed-in users of one partner,`,
        'default policy: one confirmation). The bank then executes each document in the ledger (an activity); the run waits',
        `for that (${num(drainS, 0)} s after the load) and counts executed documents over the whole ${num(wallS, 0)} s.`,
        '',
        ...table(
          ['call', 'count', 'p50', 'p99', 'non-2xx'],
          load.steps.map((s, i) => [STEPS[i]!, s.count, ms(s.p50), ms(s.p99), s.non2xx]),
        ),
        '',
        ...table(
          ['', 'value'],
          [
            ['documents executed', executed.length],
            ['executed per second (whole run)', num(docsPerS)],
            ['verify answered → posted in the ledger, p50 / p99', `${ms(percentile(lag, 50))} / ${ms(percentile(lag, 99))}`],
            [
              'Temporal dev server alone: flows/s, Update p50 / p99',
              `${num(probe.flowsPerSecond)}, ${ms(probe.updateP50)} / ${ms(probe.updateP99)} (${lanes} flows at a time)`,
            ],
            ['the product against it', pct(ratio)],
            ['worker RSS: peak sampled every 250 ms during the load / at its end', `${num(workerPeak, 0)} MiB / ${num(usage.worker!.rssEndMiB, 0)} MiB`],
          ],
        ),
        '',
        'Where the time goes — CPU of each process over the run, and per executed document:',
        '',
        ...usageTable(usage),
        '',
        ...table(
          ['process', 'CPU per document'],
          Object.entries(usage).map(([name, u]) => [name, perDoc(u.cpuSeconds)]),
        ),
        '',
        ...waitLines(waits),
        '',
        `While the dev server alone was measured (its own worker in the benchmark process): temporal ${num(probe.cpu?.temporal ?? NaN, 0)} %,`,
        `load generator + probe worker ${num(probe.cpu?.probeProcess ?? NaN, 0)} % of a core.`,
      ],
    };
  } finally {
    await db.$disconnect();
  }
}

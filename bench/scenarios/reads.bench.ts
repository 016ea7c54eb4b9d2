import { activePartner } from '../support/active-partner';
import { measure, type BenchContext } from '../support/context';
import { waitLines } from '../support/db-waits';
import { runLoad, type LoadResult } from '../support/load';
import { memoryOf, ms, num, table, usageTable, type Goal, type Section } from '../support/report';

const RATE = 200;
const P99_LIMIT_MS = 20;

/**
 * Benchmark 4: the cabinet's reads at a fixed 200 requests/s (open loop, so a slow
 * answer does not slow the arrivals; autocannon corrects for coordinated omission).
 * Sessions of several users of one partner, whose documents the payment benchmark created.
 */
export async function readsBench(ctx: BenchContext): Promise<Section> {
  const partner = await activePartner(ctx);
  const seconds = ctx.quick ? 5 : 30;
  const goals: Goal[] = [];
  const rows: (string | number)[][] = [];
  const usageLines: string[] = [];
  const memory: ReturnType<typeof memoryOf>[] = [];
  for (const path of ['/v1/accounts', '/v1/payments']) {
    let next = 0;
    const metering = await measure(ctx);
    const load: LoadResult = await runLoad({
      url: ctx.stack.apiUrl,
      connections: 20,
      durationS: seconds,
      overallRate: RATE,
      requests: [
        {
          method: 'GET',
          path,
          setupRequest: (req) => ({ ...req, headers: { authorization: `Bearer ${partner.sessions[next++ % partner.sessions.length]}` } }),
        },
      ],
    });
    const { usage, waits } = await metering.stop();
    memory.push(memoryOf(`GET ${path} at ${RATE}/s`, usage));
    const allOk = (load.statuses['200'] ?? 0) === load.completed;
    goals.push({
      what: `GET ${path} p99 at ${RATE} requests/s`,
      measured: `${ms(load.p99)}${allOk ? '' : ` (${JSON.stringify(load.statuses)})`}`,
      limit: `${P99_LIMIT_MS} ms`,
      ratio: load.p99 / P99_LIMIT_MS,
      target: '≤ 1.00',
      met: allOk && load.p99 <= P99_LIMIT_MS,
    });
    rows.push([`GET ${path}`, load.completed, num(load.rps), ms(load.p50), ms(load.p90), ms(load.p99), ms(load.max), JSON.stringify(load.statuses)]);
    usageLines.push(`While \`GET ${path}\` ran:`, '', ...usageTable(usage), '', ...waitLines(waits), '');
  }
  return {
    title: '4. Reads at 200 requests/s',
    memory,
    goals,
    lines: [
      `${seconds} s per endpoint at ${RATE} requests/s over 20 connections, rotating the sessions of ${partner.sessions.length} users of one`,
      'partner (each request: session lookup and touch, permission check, the query).',
      '',
      ...table(['call', 'requests', 'per second', 'p50', 'p90', 'p99', 'max', 'responses'], rows),
      '',
      ...usageLines,
    ],
  };
}

import { measure, type BenchContext } from '../support/context';
import { waitLines } from '../support/db-waits';
import { runLoad, type LoadResult } from '../support/load';
import { invitePartner, requestCodes, type BenchUser } from '../support/partners';
import { memoryOf, ms, num, table, usageTable, type Section } from '../support/report';
import { probeAt } from './temporal-probe';

const CLIENTS = 50;

/** Verifies each user's right code once, over `CLIENTS` connections; `rate` (requests/s overall) makes it open loop. */
function verifyAll(ctx: BenchContext, users: BenchUser[], rate?: number): Promise<LoadResult> {
  let next = 0;
  return runLoad({
    url: ctx.stack.apiUrl,
    connections: CLIENTS,
    amount: users.length,
    ...(rate ? { overallRate: rate } : {}),
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => {
          const user = users[next++];
          if (!user) return null;
          return { ...req, path: `/v1/registrations/${user.token}/verify`, body: JSON.stringify({ code: user.code }) };
        },
      },
    ],
  });
}

/**
 * Benchmark 2: a cabinet command through a workflow Update. Each request verifies
 * the right SMS code of a different registration (POST /v1/registrations/{token}/verify):
 * the API finds the registration, checks the code's HMAC, and the workflow's
 * Update validator and handler decide — the caller waits for the Update's result.
 * Once with 50 clients sending as fast as they are answered (the throughput limit,
 * where latency is clients ÷ throughput), once with 50 clients sharing a fixed rate.
 */
export async function codeVerifyBench(ctx: BenchContext): Promise<Section> {
  const partners = ctx.quick ? 2 : 16;
  const perPartner = ctx.quick ? 40 : 100;
  const users: BenchUser[] = [];
  for (let i = 0; i < partners; i++) users.push(...(await invitePartner(ctx.stack, perPartner)).users);
  await requestCodes(ctx.stack, ctx.mail, users);
  const closedLoop = users.slice(0, ctx.quick ? 60 : 1000);
  const openLoop = users.slice(closedLoop.length);
  const rate = ctx.quick ? 10 : 20;
  ctx.log(`  ${users.length} registrations waiting with a code; verifying them with ${CLIENTS} clients`);

  const metering = await measure(ctx);
  const saturated = await verifyAll(ctx, closedLoop);
  const { usage, waits } = await metering.stop();
  const paced = await verifyAll(ctx, openLoop, rate);
  const probe = await probeAt(ctx, CLIENTS);
  const allOk = (r: LoadResult) => (r.statuses['200'] ?? 0) === r.completed;
  const row = (what: string, r: LoadResult) => [what, r.completed, num(r.rps), ms(r.p50), ms(r.p90), ms(r.p99), ms(r.max), JSON.stringify(r.statuses)];
  const ratio = saturated.p99 / probe.updateP99;
  return {
    title: '2. A cabinet command through a workflow Update (registration code verify)',
    memory: [memoryOf(`code verify, ${CLIENTS} clients`, usage)],
    goals: [
      {
        what: `code-verify Update p99 vs the bare dev server's Update p99, ${CLIENTS} at a time`,
        measured: `${ms(saturated.p99)}${allOk(saturated) ? '' : ` (${JSON.stringify(saturated.statuses)})`}`,
        limit: ms(probe.updateP99),
        ratio,
        target: '≤ 1.50',
        met: ratio <= 1.5 && allOk(saturated),
      },
    ],
    lines: [
      `Verifications of the right code, each of a different registration in \`CODE_SENT\`, over ${CLIENTS} connections: first`,
      `closed loop (each client sends its next request when the previous one is answered: the throughput limit, where the`,
      `latency is the ${CLIENTS} clients divided by the throughput), then open loop at ${rate} requests/s in total. Each call reads the`,
      'registration, checks the code HMAC and runs the `checkCode` Update (the validator asks the domain machine; the caller',
      'waits for the result); the workflow then records the new status and an audit record through two activities.',
      '',
      ...table(['load', 'requests', 'per second', 'p50', 'p90', 'p99', 'max', 'responses'], [row('closed loop', saturated), row(`${rate} requests/s`, paced)]),
      '',
      `The limit: the bare dev server driving ${CLIENTS} probe flows at a time (bench/probe: Update-with-start, three Updates,`,
      `completion; a worker in the benchmark process, no I/O) answered its Updates in p50 ${ms(probe.updateP50)}, p99 ${ms(probe.updateP99)}.`,
      '',
      'During the closed-loop run:',
      '',
      ...usageTable(usage),
      '',
      ...waitLines(waits),
    ],
  };
}

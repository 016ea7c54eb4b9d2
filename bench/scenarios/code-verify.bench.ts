import { measure, type BenchContext } from '../support/context';
import { waitLines } from '../support/db-waits';
import { runLoad } from '../support/load';
import { invitePartner, requestCodes, type BenchUser } from '../support/partners';
import { memoryOf, ms, num, table, usageTable, type Section } from '../support/report';

const CLIENTS = 50;

/**
 * Benchmark 2: a cabinet command through a workflow Update. Each request verifies
 * the right SMS code of a different registration (POST /v1/registrations/{token}/verify):
 * the API finds the registration, checks the code's HMAC, and the workflow's
 * Update validator and handler decide — the caller waits for the Update's result.
 */
export async function codeVerifyBench(ctx: BenchContext): Promise<Section> {
  const { stack } = ctx;
  const partners = ctx.quick ? 2 : 10;
  const users: BenchUser[] = [];
  for (let i = 0; i < partners; i++) users.push(...(await invitePartner(stack, 100)).users);
  await requestCodes(stack, ctx.mail, users);
  ctx.log(`  ${users.length} registrations waiting with a code; verifying them with ${CLIENTS} clients`);

  let next = 0;
  const metering = await measure(ctx);
  const load = await runLoad({
    url: stack.apiUrl,
    connections: CLIENTS,
    amount: users.length,
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
  const { usage, waits } = await metering.stop();
  const met = load.p99 <= 50 && (load.statuses['200'] ?? 0) === load.completed;
  return {
    title: '2. A cabinet command through a workflow Update (registration code verify)',
    memory: [memoryOf(`code verify, ${CLIENTS} clients`, usage)],
    goals: [{ what: `code verify p99 at ${CLIENTS} concurrent clients`, target: '≤ 50 ms', measured: `p50 ${ms(load.p50)}, p99 ${ms(load.p99)}`, met }],
    lines: [
      `${load.completed} verifications of the right code, each of a different registration in \`CODE_SENT\`, sent by ${CLIENTS} concurrent`,
      'clients (closed loop: each sends its next request when the previous one is answered). Each call reads the',
      'registration, checks the code HMAC, and runs the `checkCode` Update (validator asks the domain machine; the',
      'caller waits for the result); the workflow then records the new status and the audit record through activities.',
      '',
      ...table(
        ['requests', 'per second', 'p50', 'p90', 'p99', 'max', 'responses'],
        [[load.completed, num(load.rps), ms(load.p50), ms(load.p90), ms(load.p99), ms(load.max), JSON.stringify(load.statuses)]],
      ),
      '',
      ...usageTable(usage),
      '',
      ...waitLines(waits),
    ],
  };
}

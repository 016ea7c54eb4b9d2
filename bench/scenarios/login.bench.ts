import { execFile } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sharedEnvSchema } from '@infra/config/env.schema';
import type { Argon2Params } from '@infra/crypto/password-hasher';
import { DIST } from '../support/bench-stack';
import { measure, type BenchContext } from '../support/context';
import { waitLines } from '../support/db-waits';
import type { LoadResult } from '../support/load';
import { finishRegistrations, invitePartner, requestCodes } from '../support/partners';
import { memoryOf, ms, num, pct, table, usageTable, type Section } from '../support/report';
import { logins, loginsWithAuditOff, okRate } from './login-load';

/** Keycloak's default password hashing (argon2id, 5 iterations, 7 MiB) and its sizing guide's 15 logins/s per vCPU. */
const KEYCLOAK_COST: Argon2Params = { memoryKiB: 7_168, iterations: 5, parallelism: 1 };
const KEYCLOAK_LOGINS_PER_VCPU = 15;

/** The argon2id cost the API runs with: its configuration, or the schema's defaults. */
function apiCost(env: Record<string, string>): Argon2Params {
  const parsed = sharedEnvSchema.parse({ ...env });
  return { memoryKiB: parsed.PASSWORD_HASH_MEMORY_KIB, iterations: parsed.PASSWORD_HASH_ITERATIONS, parallelism: parsed.PASSWORD_HASH_PARALLELISM };
}

/** Raw argon2id verifications per second in a separate Node process with the API's UV_THREADPOOL_SIZE. */
async function rawRate(ctx: BenchContext, params: Argon2Params, seconds: number, inFlight?: number): Promise<number> {
  const script = join(DIST, 'bench', 'argon2-rate.js');
  const { stdout } = await promisify(execFile)(process.execPath, [script, JSON.stringify({ ...params, seconds, inFlight })], {
    env: { PATH: process.env.PATH, UV_THREADPOOL_SIZE: ctx.stack.env.UV_THREADPOOL_SIZE },
  });
  return (JSON.parse(stdout.trim()) as { perSecond: number }).perSecond;
}

/**
 * Benchmark 1: password login against its physical limit (raw argon2id verifications/s,
 * same cost and thread pool, measured before and after the load), and the cost of the
 * audit append (the same load against a second API process whose appends are no-ops,
 * run between two audited loads so drift on a shared machine shows).
 */
export async function loginBench(ctx: BenchContext): Promise<Section> {
  const connections = ctx.quick ? 4 : 16;
  const seconds = ctx.quick ? 4 : 30;
  const cost = apiCost(ctx.stack.env);
  const pool = Number(ctx.stack.env.UV_THREADPOOL_SIZE);
  const partner = await invitePartner(ctx.stack, connections * 2);
  await requestCodes(ctx.stack, ctx.mail, partner.users);
  await finishRegistrations(ctx.stack, partner.users);
  ctx.log(`  ${partner.users.length} users registered; raw hash rate, then logins with audit on, off, on`);

  const single = await rawRate(ctx, cost, seconds / 3, 1);
  const serial = await logins(ctx.stack.apiUrl, partner.users, 1, seconds / 3);
  const rawBefore = await rawRate(ctx, cost, seconds / 3);
  const metering = await measure(ctx);
  const load = await logins(ctx.stack.apiUrl, partner.users, connections, seconds);
  const { usage, waits } = await metering.stop();
  const rawAfter = await rawRate(ctx, cost, seconds / 3);
  const raw = (rawBefore + rawAfter) / 2;
  const loginRate = okRate(load);
  const ratio = loginRate / raw;

  const { load: offLoad, writtenWhileOff } = await loginsWithAuditOff(ctx, partner.users, connections, seconds);
  const again = await logins(ctx.stack.apiUrl, partner.users, connections, seconds);
  const onRate = (loginRate + okRate(again)) / 2;
  const auditRatio = onRate / okRate(offLoad);

  const keycloakEnv = sharedEnvSchema.safeParse({
    ...ctx.stack.env,
    PASSWORD_HASH_MEMORY_KIB: String(KEYCLOAK_COST.memoryKiB),
    PASSWORD_HASH_ITERATIONS: String(KEYCLOAK_COST.iterations),
  });
  const refusal = keycloakEnv.success ? null : keycloakEnv.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  const keycloakPerCore = (await rawRate(ctx, KEYCLOAK_COST, seconds / 3)) / availableParallelism();
  const statuses = (r: LoadResult) => JSON.stringify(r.statuses);
  const costText = `${num(cost.memoryKiB / 1024, 0)} MiB, t=${cost.iterations}`;

  return {
    title: '1. Password login vs the physical limit, and the audit append',
    memory: [memoryOf(`password login, ${connections} connections`, usage)],
    goals: [
      {
        what: `password login rate vs raw argon2id verify rate (${costText}, pool ${pool})`,
        measured: `${num(loginRate)}/s`,
        limit: `${num(raw)}/s`,
        ratio,
        target: '≥ 0.90',
        met: ratio >= 0.9,
      },
      {
        what: 'audit append cost: login rate with audit on vs off',
        measured: `${num(onRate)}/s on`,
        limit: `${num(okRate(offLoad))}/s off${writtenWhileOff ? ` (**${writtenWhileOff} records still written while off**)` : ''}`,
        ratio: auditRatio,
        target: '≥ 0.90',
        met: auditRatio >= 0.9 && writtenWhileOff === 0,
      },
      {
        what: `logins/s per core at Keycloak's cost (7 MiB, t=5)`,
        measured: refusal
          ? `≈ ${num(keycloakPerCore * ratio)} (raw ${num(keycloakPerCore)}/s per core × ${pct(ratio)}; the API's config refuses this cost)`
          : `raw ${num(keycloakPerCore)}/s per core`,
        target: `report (Keycloak sizes ${KEYCLOAK_LOGINS_PER_VCPU}/vCPU)`,
        met: null,
      },
    ],
    lines: [
      `\`POST /v1/auth/login\` for ${num(load.seconds, 0)} s over ${partner.users.length} users with ${connections} connections (each login: the throttles,`,
      `argon2id verify, a session and its audit record), next to a bare Node process verifying the same hash with the same`,
      `hasher class, cost (${costText}) and \`UV_THREADPOOL_SIZE\` (${pool}), ${4 * pool} verifications in flight, measured before and after the load.`,
      'The audit comparison runs the same load against a second API process (`dist/bench/support/api-audit-off.js`) whose',
      "AuditService appends are no-ops, between two audited runs; the audit table's row count is checked to stay still meanwhile.",
      '',
      ...table(
        ['', 'per second', 'p50', 'p99', 'responses'],
        [
          [`password login, ${connections} connections, audit on`, num(loginRate), ms(load.p50), ms(load.p99), statuses(load)],
          [`… audit off (second API process)`, num(okRate(offLoad)), ms(offLoad.p50), ms(offLoad.p99), statuses(offLoad)],
          [`… audit on again`, num(okRate(again)), ms(again.p50), ms(again.p99), statuses(again)],
          ['password login, 1 connection', num(serial.rps), ms(serial.p50), ms(serial.p99), statuses(serial)],
          [`raw verify ${costText}, pool saturated (before / after)`, `${num(rawBefore)} / ${num(rawAfter)}`, '', '', ''],
          [`raw verify ${costText}, one at a time`, num(single), ms(1000 / single), '', ''],
          ['raw verify Keycloak 7 MiB t=5, pool saturated', num(keycloakPerCore * availableParallelism()), '', '', ''],
        ],
      ),
      '',
      `One login at a time takes ${ms(serial.p50)} where one verification takes ${ms(1000 / single)}; the difference is the database work`,
      'around the hash and the HTTP stack.',
      '',
      `While the first ${connections}-connection load ran:`,
      '',
      ...usageTable(usage),
      '',
      ...waitLines(waits),
    ],
  };
}

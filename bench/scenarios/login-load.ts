import { join } from 'node:path';
import { Client } from 'pg';
import { startExtraApi } from '../support/bench-stack';
import type { BenchContext } from '../support/context';
import { runLoad, type LoadResult } from '../support/load';
import type { BenchUser } from '../support/partners';

/** Password logins rotating over `users`, `connections` closed-loop clients for `seconds`; each must answer 200 to count. */
export function logins(url: string, users: BenchUser[], connections: number, seconds: number): Promise<LoadResult> {
  let next = 0;
  return runLoad({
    url,
    connections,
    durationS: seconds,
    requests: [
      {
        method: 'POST',
        path: '/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => {
          const user = users[next++ % users.length]!;
          return { ...req, body: JSON.stringify({ login: user.email.toLowerCase(), password: user.password }) };
        },
      },
    ],
  });
}

/** Successful logins per second. */
export const okRate = (r: LoadResult) => (r.statuses['200'] ?? 0) / r.seconds;

async function auditCount(databaseUrl: string): Promise<number> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM audit_records')).rows[0]!.n);
  } finally {
    await db.end();
  }
}

/**
 * The same login load against a second API process whose audit appends are no-ops
 * (bench/support/api-audit-off.ts), after a short warm-up of that fresh process. The audit
 * table's row count before and after says whether some append path was left on.
 */
export async function loginsWithAuditOff(
  ctx: BenchContext,
  users: BenchUser[],
  connections: number,
  seconds: number,
): Promise<{ load: LoadResult; writtenWhileOff: number }> {
  const off = await startExtraApi(ctx.stack, 'api-audit-off', join('bench', 'support', 'api-audit-off.js'));
  try {
    await logins(off.url, users, connections, ctx.quick ? 1 : 5);
    const before = await auditCount(ctx.stack.databaseUrl);
    const load = await logins(off.url, users, connections, seconds);
    return { load, writtenWhileOff: (await auditCount(ctx.stack.databaseUrl)) - before };
  } finally {
    await off.stop();
  }
}

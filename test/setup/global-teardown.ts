import { Client } from 'pg';
import type { Managed } from '../../scripts/stack/processes';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis as { __stack?: Managed[]; __testDatabase?: string };
  await Promise.all((state.__stack ?? []).map((p) => p.stop()));
  if (state.__testDatabase && !process.env.KEEP_TEST_DATABASE) {
    const url = new URL(state.__testDatabase);
    const name = url.pathname.slice(1);
    url.pathname = '/postgres';
    const admin = new Client({ connectionString: url.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

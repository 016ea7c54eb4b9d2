import { Client } from 'pg';

/**
 * Samples pg_stat_activity of the bench database while a load runs, to show
 * where database time goes: statements running, waiting on a lock, waiting on
 * the WAL flush of a commit, or transactions held open while the application
 * works between statements ("idle in transaction"). Idle connections are left out.
 */
export class DbWaits {
  private readonly counts = new Map<string, number>();
  private samples = 0;
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly db: Client;

  constructor(
    databaseUrl: string,
    private readonly database: string,
  ) {
    this.db = new Client({ connectionString: databaseUrl });
  }

  async start(): Promise<this> {
    // A connection the server ends (the database dropped under a killed run) must not end the benchmark.
    this.db.on('error', () => undefined);
    await this.db.connect();
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        if (!(await this.sample().catch(() => false))) return;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    return this;
  }

  /** One look at pg_stat_activity; false once the connection is gone. */
  private async sample(): Promise<boolean> {
    const { rows } = await this.db.query<{ what: string }>(
      `SELECT CASE WHEN state = 'idle in transaction' THEN 'app holds a transaction open'
                   WHEN wait_event_type IS NULL THEN 'running (CPU)'
                   ELSE wait_event_type || '/' || wait_event END
              || ': ' || split_part(ltrim(regexp_replace(query, '\\s+', ' ', 'g')), ' (', 1) AS what
         FROM pg_stat_activity
        WHERE datname = $1 AND pid <> pg_backend_pid() AND state IN ('active', 'idle in transaction')`,
      [this.database],
    );
    this.samples++;
    for (const { what } of rows) {
      const key = what.length > 90 ? `${what.slice(0, 90)}…` : what;
      this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    }
    return true;
  }

  /** The most frequent states: how many backends were in each, on average. */
  async stop(top = 8): Promise<{ what: string; backends: number }[]> {
    this.running = false;
    await this.loop?.catch(() => undefined);
    await this.db.end().catch(() => undefined);
    return [...this.counts.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([what, n]) => ({ what, backends: n / Math.max(this.samples, 1) }));
  }
}

/** Markdown lines for a sampled wait profile. */
export function waitLines(waits: { what: string; backends: number }[]): string[] {
  if (!waits.length) return ['Database: no busy backends sampled.'];
  return [
    'Busiest database states while it ran (average number of backends in each, sampled every 50 ms):',
    '',
    ...waits.map((w) => `- ${w.backends.toFixed(2)} — \`${w.what.replace(/`/g, "'")}\``),
  ];
}

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** CPU and memory of one process (or group of processes) over a measured interval. */
export interface Usage {
  /** CPU time used in the interval, seconds (user + system). */
  cpuSeconds: number;
  /** Average CPU over the interval, in % of one core. */
  cpuPercent: number;
  /** Highest resident set seen, MiB (0 for groups, whose pages are largely shared). */
  rssPeakMiB: number;
  /** Resident set at the end, MiB. */
  rssEndMiB: number;
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of a process in clock ticks, or null when it is gone. */
export function cpuTicks(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

export function rssMiB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** `postgres: [<cluster>: ]<user> <database> <client> <state>`, as a backend retitles itself. */
const BACKEND = /^postgres: (?:[^:\s]+: )?(\S+) (\S+) /;

/**
 * PostgreSQL backends serving one database, read from their process titles;
 * other engineers' databases on the same server are left out.
 */
export function postgresBackends(database: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0+$/, '');
      if (BACKEND.exec(cmd)?.[2] === database) pids.push(Number(entry));
    } catch {
      /* the process ended while we looked */
    }
  }
  return pids;
}

type Target = { pids: () => number[]; group?: boolean };

/**
 * Samples /proc for named processes while a load runs: CPU seconds used and peak
 * RSS. Groups (PostgreSQL backends) are re-listed each sample, as they come and go.
 */
export class ProcMeter {
  private readonly first = new Map<string, Map<number, number>>();
  private readonly last = new Map<string, Map<number, number>>();
  private readonly peak = new Map<string, number>();
  private timer: NodeJS.Timeout | null = null;
  private startedAt = 0;

  constructor(
    private readonly targets: Record<string, Target>,
    private readonly intervalMs = 250,
  ) {}

  start(): this {
    this.startedAt = Date.now();
    for (const name of Object.keys(this.targets)) {
      this.first.set(name, new Map());
      this.last.set(name, new Map());
      this.peak.set(name, 0);
    }
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    return this;
  }

  stop(): Record<string, Usage> {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    const seconds = Math.max((Date.now() - this.startedAt) / 1000, 0.001);
    const out: Record<string, Usage> = {};
    for (const [name, target] of Object.entries(this.targets)) {
      let ticks = 0;
      for (const [pid, end] of this.last.get(name)!) ticks += end - (this.first.get(name)!.get(pid) ?? end);
      const cpuSeconds = ticks / CLOCK_TICKS;
      const rssEnd = target.group ? 0 : target.pids().reduce((s, pid) => s + rssMiB(pid), 0);
      out[name] = { cpuSeconds, cpuPercent: (cpuSeconds / seconds) * 100, rssPeakMiB: Math.max(this.peak.get(name)!, rssEnd), rssEndMiB: rssEnd };
    }
    return out;
  }

  private sample(): void {
    for (const [name, target] of Object.entries(this.targets)) {
      let rss = 0;
      for (const pid of target.pids()) {
        const ticks = cpuTicks(pid);
        if (ticks === null) continue;
        if (!this.first.get(name)!.has(pid)) this.first.get(name)!.set(pid, ticks);
        this.last.get(name)!.set(pid, ticks);
        if (!target.group) rss += rssMiB(pid);
      }
      this.peak.set(name, Math.max(this.peak.get(name)!, rss));
    }
  }
}

import type { Usage } from './proc-meter';

/** One benchmark's outcome: its goals with verdicts and a markdown body for BENCHMARKS.md. */
export interface Goal {
  what: string;
  /** The goal, e.g. `≥ 90 % of the limit`. */
  target: string;
  /** The figure as measured, with its unit. */
  measured: string;
  /** The limit the figure is read against, measured in the same run (absent: an absolute target). */
  limit?: string;
  /** figure ÷ limit, the number the target is about. */
  ratio?: number;
  /** null: not measured (with the reason in `measured`). */
  met: boolean | null;
}

export interface Section {
  title: string;
  goals: Goal[];
  lines: string[];
  /** Peak RSS of the API and the worker under this benchmark's load(s), MiB. */
  memory?: { load: string; api: number; worker: number }[];
}

/** The memory row of one metered load. */
export const memoryOf = (load: string, usage: Record<string, Usage>) => ({ load, api: usage.api!.rssPeakMiB, worker: usage.worker!.rssPeakMiB });

export const ms = (v: number) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(1) : Math.round(v)} ms` : 'n/a');
export const num = (v: number, digits = 1) => (Number.isFinite(v) ? v.toFixed(digits) : 'n/a');
export const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(0)} %` : 'n/a');

/** A markdown table. */
export function table(head: string[], rows: (string | number)[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

/** CPU and memory of each process during a load, as table rows. */
export function usageTable(usage: Record<string, Usage>): string[] {
  return table(
    ['process', 'CPU (% of one core)', 'CPU seconds', 'RSS peak', 'RSS at end'],
    Object.entries(usage).map(([name, u]) => [
      name,
      `${u.cpuPercent.toFixed(0)} %`,
      u.cpuSeconds.toFixed(1),
      u.rssPeakMiB ? `${u.rssPeakMiB.toFixed(0)} MiB` : '—',
      u.rssEndMiB ? `${u.rssEndMiB.toFixed(0)} MiB` : '—',
    ]),
  );
}

export const verdict = (met: boolean | null) => (met === null ? '—' : met ? '**PASS**' : '**MISS**');

export const ratioText = (r: number | undefined) => (r === undefined || !Number.isFinite(r) ? '—' : r.toFixed(2));

export function goalsTable(goals: Goal[]): string[] {
  return table(
    ['goal', 'measured', 'limit (same run)', 'ratio', 'target', 'verdict'],
    goals.map((g) => [g.what, g.measured, g.limit ?? '—', ratioText(g.ratio), g.target, verdict(g.met)]),
  );
}

/** One console line per goal: figure, limit, ratio, PASS/MISS. */
export function goalLine(g: Goal): string {
  const mark = g.met === null ? 'INFO' : g.met ? 'PASS' : 'MISS';
  return `  ${mark} ${g.what}: ${g.measured}${g.limit ? ` | limit ${g.limit}` : ''}${g.ratio === undefined ? '' : ` | ratio ${ratioText(g.ratio)}`} | target ${g.target}`;
}

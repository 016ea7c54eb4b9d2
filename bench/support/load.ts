import autocannon, { type Client, type Request } from 'autocannon';

/** What one load run measured. Latencies in ms. */
export interface LoadResult {
  seconds: number;
  completed: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Responses by status code. */
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  /** Latency by step of the request sequence (same order as `requests`), for multi-call flows. */
  steps: { p50: number; p99: number; count: number; non2xx: number }[];
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Stop after this many seconds, or after `amount` requests. */
  durationS?: number;
  amount?: number;
  /** Requests per second over all connections (open-loop with coordinated-omission correction). */
  overallRate?: number;
  requests: Request[];
  timeoutS?: number;
}

/**
 * Runs autocannon. Each connection walks `requests` in order (setupRequest and
 * onResponse carry ids from one call to the next), so a sequence is one user's flow.
 * Per-step latencies come from the tracker's response events: at that moment the
 * client's iterator still points at the request that was answered.
 */
export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const perStep = opts.requests.map(() => ({ latencies: [] as number[], non2xx: 0 }));
  // autocannon validates keys that are present, even when undefined.
  const instance = autocannon({
    url: opts.url,
    connections: opts.connections,
    timeout: opts.timeoutS ?? 30,
    requests: opts.requests,
    ...(opts.durationS === undefined ? {} : { duration: opts.durationS }),
    ...(opts.amount === undefined ? {} : { amount: opts.amount }),
    ...(opts.overallRate === undefined ? {} : { overallRate: opts.overallRate }),
  });
  instance.on('response', (client: Client, status: number, _bytes: number, ms: number) => {
    const step = perStep[client.requestIterator.currentRequestIndex];
    if (!step) return;
    step.latencies.push(ms);
    if (status < 200 || status >= 300) step.non2xx++;
  });
  const result = await instance;
  const statuses: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats)) statuses[code] = count;
  const completed = Object.values(statuses).reduce((a, b) => a + b, 0);
  return {
    seconds: result.duration,
    completed,
    rps: completed / result.duration,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
    steps: perStep.map((s) => ({ p50: percentile(s.latencies, 50), p99: percentile(s.latencies, 99), count: s.latencies.length, non2xx: s.non2xx })),
  };
}

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

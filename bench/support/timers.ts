import type { Client } from '@temporalio/client';
import type { PrismaService } from '@infra/prisma/prisma.service';
import { percentile } from './load';

export interface Spread {
  p50: number;
  p99: number;
  max: number;
  n: number;
}

const spread = (values: number[]): Spread => ({ p50: percentile(values, 50), p99: percentile(values, 99), max: Math.max(...values), n: values.length });

/** History timestamps and durations hold protobuf Longs (or numbers); seconds + nanos as ms. */
const toMs = (t: { seconds?: unknown; nanos?: number | null }) => {
  const s = t.seconds as { toNumber?: () => number } | number | null | undefined;
  const seconds = typeof s === 'object' && s?.toNumber ? s.toNumber() : Number(s ?? 0);
  return seconds * 1000 + Math.round((t.nanos ?? 0) / 1e6);
};

export const waitUntil = (at: number) => new Promise((r) => setTimeout(r, Math.max(0, at - Date.now())));

/** From the timer firing to the EXPIRED status in the database, phase by phase (history event times). */
export interface AfterFiring {
  /** Timer fired → the worker started the workflow task it caused (server queue and dispatch). */
  toWorkflowTask: Spread;
  /** That workflow task, on the worker. */
  workflowTask: Spread;
  /** Status-recording activity scheduled → started (activity dispatch). */
  toActivity: Spread;
  /** The activity (the database update). */
  activity: Spread;
}

/** The phases after the first TimerFired event of one history. */
function phases(events: { eventTime?: unknown; [k: string]: unknown }[], out: Record<keyof AfterFiring, number[]>): void {
  const at = (e: { eventTime?: unknown }) => toMs(e.eventTime as { seconds?: unknown; nanos?: number });
  const fired = events.findIndex((e) => e.timerFiredEventAttributes);
  if (fired < 0) return;
  const next = (from: number, key: string) => events.findIndex((e, i) => i > from && e[key]);
  const wftStarted = next(fired, 'workflowTaskStartedEventAttributes');
  const wftDone = next(wftStarted, 'workflowTaskCompletedEventAttributes');
  const scheduled = next(wftDone, 'activityTaskScheduledEventAttributes');
  const started = next(scheduled, 'activityTaskStartedEventAttributes');
  const completed = next(started, 'activityTaskCompletedEventAttributes');
  if ([wftStarted, wftDone, scheduled, started, completed].some((i) => i < 0)) return;
  out.toWorkflowTask.push(at(events[wftStarted]!) - at(events[fired]!));
  out.workflowTask.push(at(events[wftDone]!) - at(events[wftStarted]!));
  out.toActivity.push(at(events[started]!) - at(events[scheduled]!));
  out.activity.push(at(events[completed]!) - at(events[started]!));
}

/**
 * How late the link-expiry timers of a partner's registrations fired. For all: the
 * time the worker recorded EXPIRED against the expiry the workflow computed (both in
 * the registrations row). For a sample of histories: the TimerFired event against
 * that expiry; the server's own accuracy (fired vs started + duration: the workflow
 * sets the duration from its task's start, the timer starts when the task completes);
 * and what happened between firing and recording.
 */
export async function timerLateness(
  db: PrismaService,
  temporal: Client,
  partnerId: string,
  sample: number,
): Promise<{ recorded: Spread; fired: Spread; server: Spread; after: AfterFiring; sampled: number; taskTimeouts: number }> {
  const rows = await db.registration.findMany({
    where: { status: 'EXPIRED', user: { partnerId } },
    select: { workflowId: true, expiresAt: true, updatedAt: true },
  });
  const recorded = spread(rows.map((r) => r.updatedAt.getTime() - r.expiresAt.getTime()));
  const server: number[] = [];
  const fired: number[] = [];
  const after: Record<keyof AfterFiring, number[]> = { toWorkflowTask: [], workflowTask: [], toActivity: [], activity: [] };
  let sampled = 0;
  let taskTimeouts = 0;
  for (const row of rows.filter((_, i) => i % Math.max(1, Math.floor(rows.length / sample)) === 0).slice(0, sample)) {
    const history = await temporal.workflow.getHandle(row.workflowId).fetchHistory();
    sampled++;
    // A workflow task that timed out: the worker took longer than 10 s over it (or lost it), and it was redone.
    taskTimeouts += (history.events ?? []).filter((e) => e.workflowTaskTimedOutEventAttributes).length;
    const startedAt = new Map<string, number>();
    for (const event of history.events ?? []) {
      const at = toMs(event.eventTime!);
      const started = event.timerStartedEventAttributes;
      if (started) {
        startedAt.set(started.timerId!, at + toMs(started.startToFireTimeout!));
      }
      const timerFired = event.timerFiredEventAttributes;
      if (timerFired && startedAt.has(timerFired.timerId!)) {
        server.push(at - startedAt.get(timerFired.timerId!)!);
        fired.push(at - row.expiresAt.getTime());
      }
    }
    phases((history.events ?? []) as never, after);
  }
  return {
    recorded,
    fired: spread(fired),
    server: spread(server),
    sampled,
    taskTimeouts,
    after: {
      toWorkflowTask: spread(after.toWorkflowTask),
      workflowTask: spread(after.workflowTask),
      toActivity: spread(after.toActivity),
      activity: spread(after.activity),
    },
  };
}

import { Injectable, Logger } from '@nestjs/common';
import { countRateEvent, rateRetryAfter, type RateLimit, type RateWindow } from '@domain/auth/rate-window';
import { SecretKeys } from '@infra/crypto/secret-keys';
import { PrismaService, type Prisma } from '@infra/prisma/prisma.service';

/** What is being counted: failed logins per address, sends per login and per phone. */
export type RateKind = 'LOGIN_ADDRESS' | 'CODE_LOGIN' | 'RECOVERY_LOGIN' | 'SMS_PHONE';

export interface RateItem {
  kind: RateKind;
  /** The address, login or phone; only its HMAC is stored. */
  value: string;
  limit: RateLimit;
}

interface Row {
  window_started_at: Date;
  count: number;
  last_at: Date | null;
}

/**
 * Persists the fixed-window counters whose rules are libs/domain/src/auth/rate-window.ts.
 * `consume` checks and counts several subjects atomically (all or none), under
 * row locks taken in a fixed order, so concurrent requests can't overshoot a limit.
 */
/** Rows untouched this long hold no live window (windows are minutes to hours): dropped now and then. */
const STALE_MS = 7 * 24 * 3600_000;
const PRUNE_EVERY_MS = 10 * 60_000;

@Injectable()
export class RateCounters {
  private readonly logger = new Logger(RateCounters.name);
  private prunedAt = 0;

  constructor(
    private readonly prisma: PrismaService,
    private readonly keys: SecretKeys,
  ) {}

  /** Null when every item allowed one more event, now counted; otherwise the longest wait (ms) and nothing is counted. */
  consume(items: RateItem[], now = Date.now()): Promise<number | null> {
    return this.apply(items, now, true);
  }

  /**
   * Counts an event that already happened, limit or not: for a send whose own
   * flow may still refuse it, checked first with `peek` and counted once done,
   * so a refused send never spends the budget or restarts the interval.
   */
  async record(items: RateItem[], now = Date.now()): Promise<void> {
    await this.apply(items, now, false);
  }

  /** The longest wait before one more event, without counting anything; null when allowed now. */
  async peek(items: RateItem[], now = Date.now()): Promise<number | null> {
    const waits: number[] = [];
    for (const item of items) {
      const row = await this.prisma.rateCounter.findUnique({
        where: { kind_subject: { kind: item.kind, subject: this.keys.counterSubject(item.kind, item.value) } },
      });
      const window = row ? { windowStartedAt: row.windowStartedAt.getTime(), count: row.count, lastAt: row.lastAt?.getTime() ?? null } : null;
      const wait = window ? rateRetryAfter(window, now, item.limit) : null;
      if (wait !== null) waits.push(wait);
    }
    return waits.length ? Math.max(...waits) : null;
  }

  private async apply(items: RateItem[], now: number, enforce: boolean): Promise<number | null> {
    this.pruneNowAndThen(now);
    const keyed = items
      .map((item) => ({ ...item, subject: this.keys.counterSubject(item.kind, item.value) }))
      .sort((a, b) => `${a.kind}/${a.subject}`.localeCompare(`${b.kind}/${b.subject}`));
    return this.prisma.$transaction(async (tx) => {
      const windows: RateWindow[] = [];
      for (const item of keyed) windows.push(await this.lockRow(tx, item.kind, item.subject));
      const waits = keyed.map((item, i) => rateRetryAfter(windows[i]!, now, item.limit)).filter((w): w is number => w !== null);
      if (enforce && waits.length) return Math.max(...waits);
      for (const [i, item] of keyed.entries()) {
        const next = countRateEvent(windows[i]!, now, item.limit);
        await tx.rateCounter.update({
          where: { kind_subject: { kind: item.kind, subject: item.subject } },
          data: { windowStartedAt: new Date(next.windowStartedAt), count: next.count, lastAt: next.lastAt === null ? null : new Date(next.lastAt) },
        });
      }
      return null;
    });
  }

  /** Takes back one counted event (a login that then succeeded is no failure), in the caller's transaction if given. */
  async refund(kind: RateKind, value: string, db: Prisma.TransactionClient = this.prisma): Promise<void> {
    const subject = this.keys.counterSubject(kind, value);
    await db.$executeRaw`
      UPDATE "rate_counters" SET "count" = GREATEST("count" - 1, 0) WHERE "kind" = ${kind} AND "subject" = ${subject}`;
  }

  /** Counters of unknown logins and passing addresses would otherwise pile up forever. Off the request's path. */
  private pruneNowAndThen(now: number): void {
    if (now - this.prunedAt < PRUNE_EVERY_MS) return;
    this.prunedAt = now;
    const cutoff = new Date(now - STALE_MS);
    this.prisma.$executeRaw`
      DELETE FROM "rate_counters" WHERE "last_at" < ${cutoff} OR ("last_at" IS NULL AND "window_started_at" < ${cutoff})`.catch((err: unknown) =>
      this.logger.warn({ err }, 'could not prune stale rate counters'),
    );
  }

  private async lockRow(tx: Prisma.TransactionClient, kind: string, subject: string): Promise<RateWindow> {
    await tx.$executeRaw`
      INSERT INTO "rate_counters" ("kind", "subject", "window_started_at", "count")
      VALUES (${kind}, ${subject}, to_timestamp(0), 0) ON CONFLICT DO NOTHING`;
    const rows = await tx.$queryRaw<Row[]>`
      SELECT "window_started_at", "count", "last_at" FROM "rate_counters"
      WHERE "kind" = ${kind} AND "subject" = ${subject} FOR UPDATE`;
    const row = rows[0]!;
    return { windowStartedAt: row.window_started_at.getTime(), count: row.count, lastAt: row.last_at?.getTime() ?? null };
  }
}

/** Codes and links sent per login and per phone (§1.11): a few per window, and not faster than the resend cooldown. */
export const sendRateLimit = (env: { LOGIN_CODE_SEND_LIMIT: number; LOGIN_CODE_SEND_WINDOW_MS: number; CODE_RESEND_COOLDOWN_MS: number }): RateLimit => ({
  limit: env.LOGIN_CODE_SEND_LIMIT,
  windowMs: env.LOGIN_CODE_SEND_WINDOW_MS,
  minIntervalMs: env.CODE_RESEND_COOLDOWN_MS,
});

import { Inject, Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AccessLevel, UserStatus } from '@domain/access-level';
import { assertSessionActivityPolicy, sessionActivityCutoffs, type SessionActivityPolicy } from '@domain/auth/session-activity';
import { SecretKeys } from '@infra/crypto/secret-keys';
import { PrismaService, type Prisma } from '@infra/prisma/prisma.service';
import { ENV } from '@infra/tokens';
import type { ApiEnv } from '../config/api-env';

export interface OpenedSession {
  sessionId: string;
  /** Returned to the client once; only its HMAC is stored. */
  sessionKey: string;
  expiresAt: Date;
}

export interface LiveSession {
  sessionId: string;
  method: 'PASSWORD' | 'CODE';
  /** The session's user as the guard needs it, read in the same statement (one round trip per request). */
  user: { id: string; partnerId: string; accessLevel: AccessLevel; status: UserStatus; login: string };
}

interface LiveRow {
  id: string;
  method: 'PASSWORD' | 'CODE';
  user_id: string;
  partner_id: string;
  access_level: AccessLevel;
  status: UserStatus;
  login: string;
}

type Db = Prisma.TransactionClient;

/**
 * Opaque random session keys (256 bits), stored only as HMACs. A session ends at
 * its absolute lifetime, after the idle timeout, or when revoked (§1.11, §1.14).
 * Its last use is written at most once per SESSION_TOUCH_INTERVAL_MS
 * (libs/domain/src/auth/session-activity.ts), so most authenticated reads write nothing.
 */
@Injectable()
export class SessionService {
  readonly activity: SessionActivityPolicy;

  constructor(
    private readonly prisma: PrismaService,
    private readonly keys: SecretKeys,
    @Inject(ENV) private readonly env: ApiEnv,
  ) {
    this.activity = assertSessionActivityPolicy({ idleTtlMs: env.SESSION_IDLE_TTL_MS, touchIntervalMs: env.SESSION_TOUCH_INTERVAL_MS });
  }

  /** Opens a session in the caller's transaction (the sign-in's, with its audit record). */
  async open(db: Db, userId: string, method: 'PASSWORD' | 'CODE', client: { address?: string; userAgent?: string }): Promise<OpenedSession> {
    const sessionKey = randomBytes(32).toString('base64url');
    const now = Date.now();
    const expiresAt = new Date(now + this.env.SESSION_ABSOLUTE_TTL_MS);
    const session = await db.session.create({
      data: {
        id: randomUUID(),
        userId,
        keyHash: this.keys.hashSessionKey(sessionKey),
        method,
        // The app's clock, as every later idle check uses.
        createdAt: new Date(now),
        lastSeenAt: new Date(now),
        expiresAt,
        clientAddress: client.address ?? null,
        userAgent: client.userAgent?.slice(0, 300) ?? null,
      },
      select: { id: true },
    });
    return { sessionId: session.id, sessionKey, expiresAt };
  }

  /**
   * Finds the live session for a key and its user in one statement, which writes only when
   * the stored last use is at least one touch interval old (times by the app's clock, as
   * `open` writes them). The write re-checks the row, so an idle-expired or revoked session
   * can't be revived by a racing request.
   */
  async touch(sessionKey: string): Promise<LiveSession | null> {
    const now = Date.now();
    const { idleCutoff, touchCutoff } = sessionActivityCutoffs(now, this.activity);
    const at = new Date(now);
    const idle = new Date(idleCutoff);
    const stale = new Date(touchCutoff);
    const rows = await this.prisma.$queryRaw<LiveRow[]>`
      WITH live AS (
        SELECT s."id", s."method", s."last_seen_at", u."id" AS "user_id", u."partner_id",
               u."access_level"::text AS "access_level", u."status"::text AS "status", u."login"
        FROM "sessions" s JOIN "users" u ON u."id" = s."user_id"
        WHERE s."key_hash" = ${this.keys.hashSessionKey(sessionKey)}
          AND s."revoked_at" IS NULL AND s."expires_at" > ${at} AND s."last_seen_at" > ${idle}
      ), touched AS (
        UPDATE "sessions" s SET "last_seen_at" = ${at}
        FROM live
        WHERE s."id" = live."id" AND live."last_seen_at" <= ${stale}
          AND s."revoked_at" IS NULL AND s."last_seen_at" > ${idle} AND s."last_seen_at" <= ${stale}
        RETURNING s."id"
      )
      SELECT "id", "method", "user_id", "partner_id", "access_level", "status", "login" FROM live`;
    const row = rows[0];
    return row
      ? {
          sessionId: row.id,
          method: row.method,
          user: { id: row.user_id, partnerId: row.partner_id, accessLevel: row.access_level, status: row.status, login: row.login },
        }
      : null;
  }

  async revoke(db: Db, sessionId: string, reason: string): Promise<void> {
    await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date(), revokeReason: reason } });
  }

  /** Ends every session of a user (blocking, password change/recovery), optionally keeping one. */
  async revokeAll(userId: string, reason: string, except?: string, db: Db = this.prisma): Promise<number> {
    const { count } = await db.session.updateMany({
      where: { userId, revokedAt: null, ...(except ? { id: { not: except } } : {}) },
      data: { revokedAt: new Date(), revokeReason: reason },
    });
    return count;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { SecretKeys } from '../../../../libs/infra/src/crypto/secret-keys';
import { PrismaService } from '../../../../libs/infra/src/prisma/prisma.service';
import { ENV } from '../../../../libs/infra/src/tokens';
import type { ApiEnv } from '../config/api-env';

export interface OpenedSession {
  sessionId: string;
  /** Returned to the client once; only its HMAC is stored. */
  sessionKey: string;
  expiresAt: Date;
}

/**
 * Opaque random session keys (256 bits), stored only as HMACs. A session ends at
 * its absolute lifetime, after the idle timeout, or when revoked (§1.11, §1.14).
 */
@Injectable()
export class SessionService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly keys: SecretKeys,
    @Inject(ENV) private readonly env: ApiEnv,
  ) {}

  async open(userId: string, method: 'PASSWORD' | 'CODE', client: { address?: string; userAgent?: string }): Promise<OpenedSession> {
    const sessionKey = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.env.SESSION_ABSOLUTE_TTL_MS);
    const session = await this.prisma.session.create({
      data: {
        id: randomUUID(),
        userId,
        keyHash: this.keys.hashSessionKey(sessionKey),
        method,
        expiresAt,
        clientAddress: client.address ?? null,
        userAgent: client.userAgent?.slice(0, 300) ?? null,
      },
    });
    return { sessionId: session.id, sessionKey, expiresAt };
  }

  /**
   * Finds the live session for a key and marks it used, in one statement, so an
   * idle-expired or revoked session can't be revived by a racing request.
   */
  async touch(sessionKey: string): Promise<{ sessionId: string; userId: string; method: 'PASSWORD' | 'CODE' } | null> {
    const idleCutoff = new Date(Date.now() - this.env.SESSION_IDLE_TTL_MS);
    const rows = await this.prisma.$queryRaw<{ id: string; user_id: string; method: 'PASSWORD' | 'CODE' }[]>`
      UPDATE "sessions" SET "last_seen_at" = now()
      WHERE "key_hash" = ${this.keys.hashSessionKey(sessionKey)}
        AND "revoked_at" IS NULL AND "expires_at" > now() AND "last_seen_at" > ${idleCutoff}
      RETURNING "id", "user_id", "method"`;
    const row = rows[0];
    return row ? { sessionId: row.id, userId: row.user_id, method: row.method } : null;
  }

  async revoke(sessionId: string, reason: string): Promise<void> {
    await this.prisma.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date(), revokeReason: reason } });
  }

  /** Ends every session of a user (blocking, password change/recovery), optionally keeping one. */
  async revokeAll(userId: string, reason: string, except?: string): Promise<number> {
    const { count } = await this.prisma.session.updateMany({
      where: { userId, revokedAt: null, ...(except ? { id: { not: except } } : {}) },
      data: { revokedAt: new Date(), revokeReason: reason },
    });
    return count;
  }
}

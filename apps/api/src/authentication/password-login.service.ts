import { Injectable } from '@nestjs/common';
import { AuditService } from '../../../../libs/infra/src/audit/audit.service';
import { PasswordHasher } from '../../../../libs/infra/src/crypto/password-hasher';
import { PrismaService } from '../../../../libs/infra/src/prisma/prisma.service';
import { SessionService } from '../auth/session.service';
import type { ClientInfo } from '../login-protection/client-info';
import { LoginThrottle } from '../login-protection/login-throttle.service';
import { SIGNED_IN_USER, signInRefused, signedIn } from './sign-in';

/**
 * Sign-in by login and password (§1.16, §1.17, §2.9). Every path hashes once —
 * a dummy for unknown logins, the real hash otherwise, even when the user may
 * not sign in — so failures look and last alike whatever their reason.
 */
@Injectable()
export class PasswordLoginService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async login(login: string, password: string, client: ClientInfo) {
    await this.throttle.admitAddress(client.address);
    const user = await this.prisma.user.findUnique({ where: { login }, select: { ...SIGNED_IN_USER, passwordHash: true } });
    if (!user?.passwordHash) {
      await this.hasher.verifyDummy(password);
      return this.refuse(user, user ? 'NOT_REGISTERED' : 'UNKNOWN_LOGIN', client);
    }
    const attempt = await this.throttle.admit(user.id, 'PASSWORD');
    // Weighed even when refused, so a locked or blocked login takes as long as any other.
    const correct = await this.hasher.verify(user.passwordHash, password);
    if (!attempt.admitted) return this.refuse(user, attempt.refusal, client);
    if (!correct) {
      if (attempt.lockedNow) await this.throttle.announceLock(user, attempt.lockedUntil!);
      return this.refuse(user, 'WRONG_PASSWORD', client, attempt.lockedNow ? attempt.lockedUntil : null);
    }
    await this.throttle.succeed(user.id);
    await this.throttle.forgiveAddress(client.address);
    const session = await this.sessions.open(user.id, 'PASSWORD', client);
    await this.audit.record({
      actorType: 'USER',
      actorId: user.id,
      partnerId: user.partnerId,
      action: 'auth.login',
      targetType: 'SESSION',
      targetId: session.sessionId,
      outcome: 'SUCCESS',
      requestId: client.requestId,
      clientAddress: client.address,
      details: { method: 'PASSWORD' },
    });
    return signedIn(session, user);
  }

  private async refuse(
    user: { id: string; partnerId: string } | null,
    reason: string,
    client: ClientInfo,
    lockedUntil: number | null = null,
  ): Promise<never> {
    await this.audit.record({
      actorType: user ? 'USER' : 'ANONYMOUS',
      actorId: user?.id ?? null,
      partnerId: user?.partnerId ?? null,
      action: 'auth.login',
      outcome: 'FAILURE',
      requestId: client.requestId,
      clientAddress: client.address,
      details: { method: 'PASSWORD', reason, ...(lockedUntil ? { lockedUntil: new Date(lockedUntil).toISOString() } : {}) },
    });
    throw signInRefused('PASSWORD');
  }
}

import { Injectable } from '@nestjs/common';
import { AuditService } from '../../../../libs/infra/src/audit/audit.service';
import { SessionService } from '../auth/session.service';
import type { ClientInfo } from '../login-protection/client-info';
import { LoginThrottle, type Attempt } from '../login-protection/login-throttle.service';
import { signInRefused, signedIn, type SignedInUser } from './sign-in';

type Method = 'PASSWORD' | 'CODE';
type Who = { id: string; partnerId: string };
/** What the attempt was aimed at, when there is something to name (a sign-in challenge). */
type Target = { type: string; id: string };

/**
 * How a sign-in ends, alike for a password and an SMS code (§1.16, §1.17, §2.9):
 * a right secret forgives the counted attempt and opens a session; every failure
 * is audited with its reason and answered with the one 401 that tells nothing.
 */
@Injectable()
export class SignInOutcome {
  constructor(
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  /** The secret proved right: the user's and the address's failed attempts are forgiven, a session opens. */
  async succeed(user: SignedInUser, method: Method, client: ClientInfo, details: Record<string, unknown> = {}) {
    await this.throttle.succeed(user.id);
    await this.throttle.forgiveAddress(client.address);
    const session = await this.sessions.open(user.id, method, client);
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
      details: { method, ...details },
    });
    return signedIn(session, user);
  }

  /** A wrong secret in an admitted attempt: a lock it just caused is announced to the user first. */
  async wrong(user: Who, attempt: Attempt & { admitted: true }, method: Method, reason: string, client: ClientInfo, target?: Target): Promise<never> {
    if (attempt.lockedNow) await this.throttle.announceLock(user, attempt.lockedUntil!);
    return this.refuse(user, method, reason, client, target, attempt.lockedNow ? attempt.lockedUntil : null);
  }

  async refuse(user: Who | null, method: Method, reason: string, client: ClientInfo, target?: Target, lockedUntil: number | null = null): Promise<never> {
    await this.audit.record({
      actorType: user ? 'USER' : 'ANONYMOUS',
      actorId: user?.id ?? null,
      partnerId: user?.partnerId ?? null,
      action: 'auth.login',
      targetType: target?.type,
      targetId: target?.id,
      outcome: 'FAILURE',
      requestId: client.requestId,
      clientAddress: client.address,
      details: { method, reason, ...(lockedUntil ? { lockedUntil: new Date(lockedUntil).toISOString() } : {}) },
    });
    throw signInRefused(method);
  }
}

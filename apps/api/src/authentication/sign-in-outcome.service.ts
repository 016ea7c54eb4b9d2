import { Injectable } from '@nestjs/common';
import { loginFailureReason, type LoginAttemptDecision } from '../../../../libs/domain/src/auth';
import { AuditService, type AuditEntry } from '../../../../libs/infra/src/audit/audit.service';
import { PrismaService } from '../../../../libs/infra/src/prisma/prisma.service';
import { SessionService, type OpenedSession } from '../auth/session.service';
import type { ClientInfo } from '../login-protection/client-info';
import { LoginThrottle } from '../login-protection/login-throttle.service';
import { signInRefused, signedIn, type SignedInUser } from './sign-in';

type Method = 'PASSWORD' | 'CODE';
type Who = { id: string; partnerId: string };
/** What the attempt was aimed at, when there is something to name (a sign-in challenge). */
type Target = { type: string; id: string };

/** A weighed attempt of a known user: was the secret right, and what to call it if not. */
export interface Weighed {
  correct: boolean;
  wrongReason: string;
  target?: Target;
  /** Added to the success record (e.g. the challenge id). */
  details?: Record<string, unknown>;
}

/**
 * How a sign-in ends, alike for a password and an SMS code (§1.16, §1.17, §2.9). A weighed
 * attempt is settled in one transaction: the throttle's decision (counters and status), on
 * success the address's forgiveness and the new session, and the audit record — so the
 * record commits with what it records, or neither does. Every failure is answered with the
 * one 401 that tells nothing.
 */
@Injectable()
export class SignInOutcome {
  constructor(
    private readonly prisma: PrismaService,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async settle(user: SignedInUser, method: Method, attempt: Weighed, client: ClientInfo) {
    const { decision, session } = await this.prisma.$transaction(async (tx) => {
      const decision = await this.throttle.decide(tx, user.id, method, attempt.correct);
      if (decision.kind !== 'SIGNED_IN') {
        await this.audit.append(tx, this.failure(user, method, loginFailureReason(decision, attempt.wrongReason), client, attempt.target, lockedUntil(decision)));
        return { decision, session: null };
      }
      const session = await this.sessions.open(tx, user.id, method, client);
      await this.audit.append(tx, this.success(user, method, session, client, attempt.details));
      // Last: the address's row is shared by every sign-in from there, so it is held only until the commit.
      await this.throttle.forgiveAddress(tx, client.address);
      return { decision, session };
    });
    if (session) return signedIn(session, user);
    const locked = lockedUntil(decision);
    if (locked !== null) await this.throttle.announceLock(user, locked);
    throw signInRefused(method);
  }

  /** A failure decided without weighing (unknown login or challenge, a refusal read beforehand): nothing else is written. */
  async refuse(user: Who | null, method: Method, reason: string, client: ClientInfo, target?: Target): Promise<never> {
    await this.audit.record(this.failure(user, method, reason, client, target, null));
    throw signInRefused(method);
  }

  private success(user: Who, method: Method, session: OpenedSession, client: ClientInfo, details: Record<string, unknown> = {}): AuditEntry {
    return {
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
    };
  }

  private failure(user: Who | null, method: Method, reason: string, client: ClientInfo, target: Target | undefined, locked: number | null): AuditEntry {
    return {
      actorType: user ? 'USER' : 'ANONYMOUS',
      actorId: user?.id ?? null,
      partnerId: user?.partnerId ?? null,
      action: 'auth.login',
      targetType: target?.type,
      targetId: target?.id,
      outcome: 'FAILURE',
      requestId: client.requestId,
      clientAddress: client.address,
      details: { method, reason, ...(locked ? { lockedUntil: new Date(locked).toISOString() } : {}) },
    };
  }
}

/** The end of a lock this very attempt started, or null. */
const lockedUntil = (decision: LoginAttemptDecision): number | null => (decision.kind === 'WRONG' && decision.lockedNow ? decision.lock.lockedUntil : null);

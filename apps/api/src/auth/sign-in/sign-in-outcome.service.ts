import { Injectable } from '@nestjs/common';
import { loginFailureReason, type LoginAttemptDecision } from '@domain/auth';
import { refused, success, type Outcome } from '@domain/refusal';
import { PrismaService } from '@infra/prisma/prisma.service';
import { AuditLog, type AuditFact } from '../../common/audit-log.service';
import type { ClientInfo } from '../../common/client-info';
import { LoginThrottle } from '../protection/login-throttle.service';
import { SessionService } from '../session.service';
import { signInRefused, signedIn, type SignedIn, type SignedInUser } from './sign-in';

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
 * record commits with what it records, or neither does. Every failure is the one refusal
 * that tells nothing (401).
 */
@Injectable()
export class SignInOutcome {
  constructor(
    private readonly prisma: PrismaService,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionService,
    private readonly audit: AuditLog,
  ) {}

  async settle(user: SignedInUser, method: Method, attempt: Weighed, client: ClientInfo): Promise<Outcome<SignedIn>> {
    const { decision, session } = await this.prisma.$transaction(async (tx) => {
      const decision = await this.throttle.decide(tx, user.id, method, attempt.correct);
      if (decision.kind !== 'SIGNED_IN') {
        await this.audit.within(tx, failure(user, method, loginFailureReason(decision, attempt.wrongReason), client, attempt.target, lockedUntil(decision)));
        return { decision, session: null };
      }
      const session = await this.sessions.open(tx, user.id, method, client);
      await this.audit.within(tx, {
        by: { userId: user.id, partnerId: user.partnerId },
        caller: client,
        action: 'auth.login',
        target: { type: 'SESSION', id: session.sessionId },
        details: { method, ...attempt.details },
      });
      // Last: the address's row is shared by every sign-in from there, so it is held only until the commit.
      await this.throttle.forgiveAddress(tx, client.address);
      return { decision, session };
    });
    if (session) return success(signedIn(session, user));
    const locked = lockedUntil(decision);
    if (locked !== null) await this.throttle.announceLock(user, locked);
    return refused(signInRefused(method));
  }

  /** A failure decided without weighing (unknown login or challenge, a refusal read beforehand): nothing else is written. */
  async refuse(user: Who | null, method: Method, reason: string, client: ClientInfo, target?: Target): Promise<Outcome<never>> {
    await this.audit.alone(failure(user, method, reason, client, target, null));
    return refused(signInRefused(method));
  }
}

const failure = (user: Who | null, method: Method, reason: string, client: ClientInfo, target: Target | undefined, locked: number | null): AuditFact => ({
  by: user && { userId: user.id, partnerId: user.partnerId },
  caller: client,
  action: 'auth.login',
  target,
  outcome: 'FAILURE',
  details: { method, reason, ...(locked ? { lockedUntil: new Date(locked).toISOString() } : {}) },
});

/** The end of a lock this very attempt started, or null. */
const lockedUntil = (decision: LoginAttemptDecision): number | null => (decision.kind === 'WRONG' && decision.lockedNow ? decision.lock.lockedUntil : null);

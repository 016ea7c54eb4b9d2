import { Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { AuditService } from '../../../../libs/infra/src/audit/audit.service';
import { OneTimeCodes } from '../../../../libs/infra/src/codes/one-time-codes';
import { PrismaService } from '../../../../libs/infra/src/prisma/prisma.service';
import {
  checkLoginCodeUpdate,
  loginChallengeStateQuery,
  loginChallengeWorkflowId,
} from '../../../../workflows/src/login-challenge/login-challenge.messages';
import { SessionService } from '../auth/session.service';
import type { ClientInfo } from '../login-protection/client-info';
import { LoginThrottle } from '../login-protection/login-throttle.service';
import { SIGNED_IN_USER, signInRefused, signedIn } from './sign-in';

/**
 * Finishes a sign-in by SMS code (§1.4, §2.9): the code is checked here against
 * its HMAC and the challenge workflow hears only right or wrong; it decides
 * expiry and the per-challenge tries. Wrong codes also count against the user
 * across all their challenges (LoginThrottle, kind CODE). Every failure — an
 * unknown challenge included — is the same 401.
 */
@Injectable()
export class CodeVerifyService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly temporal: Client,
    private readonly codes: OneTimeCodes,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async verify(challengeId: string, code: string, client: ClientInfo) {
    await this.throttle.admitAddress(client.address);
    const workflowId = loginChallengeWorkflowId(challengeId);
    const verdict = await this.codes.check(workflowId, code, 1);
    const handle = this.temporal.workflow.getHandle(workflowId);
    const view = await handle.query(loginChallengeStateQuery).catch((error: unknown) => {
      if (error instanceof WorkflowNotFoundError) return null;
      throw error;
    });
    if (!view) return this.refuse(null, 'UNKNOWN_CHALLENGE', challengeId, client);
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: view.userId }, select: SIGNED_IN_USER });
    if (view.status !== 'ISSUED') return this.refuse(user, `CHALLENGE_${view.status}`, challengeId, client);
    const attempt = await this.throttle.admit(user.id, 'CODE');
    if (!attempt.admitted) return this.refuse(user, attempt.refusal, challengeId, client);
    const result = await handle
      .executeUpdate(checkLoginCodeUpdate, { args: [{ userId: user.id, correct: verdict?.correct ?? false }] })
      .catch((error: unknown) => {
        // Expired or finished meanwhile: the machine said no, and the caller hears the same 401.
        if (error instanceof WorkflowUpdateFailedError || error instanceof WorkflowNotFoundError) return null;
        throw error;
      });
    if (result?.status !== 'VERIFIED') {
      if (attempt.lockedNow) await this.throttle.announceLock(user, attempt.lockedUntil!);
      const reason = result ? 'WRONG_CODE' : 'CHALLENGE_CLOSED';
      return this.refuse(user, reason, challengeId, client, attempt.lockedNow ? attempt.lockedUntil : null);
    }
    await this.throttle.succeed(user.id);
    await this.throttle.forgiveAddress(client.address);
    const session = await this.sessions.open(user.id, 'CODE', client);
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
      details: { method: 'CODE', challengeId },
    });
    return signedIn(session, user);
  }

  private async refuse(
    user: { id: string; partnerId: string } | null,
    reason: string,
    challengeId: string,
    client: ClientInfo,
    lockedUntil: number | null = null,
  ): Promise<never> {
    await this.audit.record({
      actorType: user ? 'USER' : 'ANONYMOUS',
      actorId: user?.id ?? null,
      partnerId: user?.partnerId ?? null,
      action: 'auth.login',
      targetType: 'LOGIN_CHALLENGE',
      targetId: challengeId,
      outcome: 'FAILURE',
      requestId: client.requestId,
      clientAddress: client.address,
      details: { method: 'CODE', reason, ...(lockedUntil ? { lockedUntil: new Date(lockedUntil).toISOString() } : {}) },
    });
    throw signInRefused('CODE');
  }
}

import { Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { OneTimeCodes } from '../../../../libs/infra/src/codes/one-time-codes';
import { PrismaService } from '../../../../libs/infra/src/prisma/prisma.service';
import {
  checkLoginCodeUpdate,
  loginChallengeStateQuery,
  loginChallengeWorkflowId,
} from '../../../../workflows/src/login-challenge/login-challenge.messages';
import type { ClientInfo } from '../login-protection/client-info';
import { LoginThrottle } from '../login-protection/login-throttle.service';
import { SIGNED_IN_USER, type SignedInUser } from './sign-in';
import { SignInOutcome } from './sign-in-outcome.service';

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
    private readonly outcome: SignInOutcome,
  ) {}

  async verify(challengeId: string, code: string, client: ClientInfo) {
    await this.throttle.admitAddress(client.address);
    const challenge = { type: 'LOGIN_CHALLENGE', id: challengeId };
    const refuse = (user: SignedInUser | null, reason: string) => this.outcome.refuse(user, 'CODE', reason, client, challenge);
    const workflowId = loginChallengeWorkflowId(challengeId);
    const verdict = await this.codes.check(workflowId, code, 1);
    const handle = this.temporal.workflow.getHandle(workflowId);
    const view = await handle.query(loginChallengeStateQuery).catch((error: unknown) => {
      if (error instanceof WorkflowNotFoundError) return null;
      throw error;
    });
    if (!view) return refuse(null, 'UNKNOWN_CHALLENGE');
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: view.userId }, select: SIGNED_IN_USER });
    if (view.status !== 'ISSUED') return refuse(user, `CHALLENGE_${view.status}`);
    const attempt = await this.throttle.admit(user.id, 'CODE');
    if (!attempt.admitted) return refuse(user, attempt.refusal);
    const result = await handle
      .executeUpdate(checkLoginCodeUpdate, { args: [{ userId: user.id, correct: verdict?.correct ?? false }] })
      .catch((error: unknown) => {
        // Expired or finished meanwhile: the machine said no, and the caller hears the same 401.
        if (error instanceof WorkflowUpdateFailedError || error instanceof WorkflowNotFoundError) return null;
        throw error;
      });
    if (result?.status !== 'VERIFIED') return this.outcome.wrong(user, attempt, 'CODE', result ? 'WRONG_CODE' : 'CHALLENGE_CLOSED', client, challenge);
    return this.outcome.succeed(user, 'CODE', client, { challengeId });
  }
}

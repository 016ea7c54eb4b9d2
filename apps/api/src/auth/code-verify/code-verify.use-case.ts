import { Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { refused, type Outcome } from '@domain/refusal';
import { OneTimeCodes } from '@infra/codes/one-time-codes';
import { PrismaService } from '@infra/prisma/prisma.service';
import { checkLoginCodeUpdate, loginChallengeStateQuery, loginChallengeWorkflowId } from '@workflows/login-challenge/login-challenge.messages';
import type { ClientInfo } from '../../common/client-info';
import { LoginThrottle } from '../protection/login-throttle.service';
import { SIGNED_IN_USER, type SignedIn } from '../sign-in/sign-in';
import { SignInOutcome } from '../sign-in/sign-in-outcome.service';

export interface CodeVerify {
  challengeId: string;
  code: string;
  client: ClientInfo;
}

/**
 * Finishes a sign-in by SMS code (§1.4, §2.9): the code is checked here against
 * its HMAC and the challenge workflow hears only right or wrong; it decides
 * expiry and the per-challenge tries. Wrong codes also count against the user
 * across all their challenges (LoginThrottle, kind CODE), settled after the
 * workflow answered, like a password after its hash (SignInOutcome.settle). Every
 * failure — an unknown challenge included — is the same refusal (401).
 */
@Injectable()
export class CodeVerifyUseCase {
  constructor(
    private readonly prisma: PrismaService,
    private readonly temporal: Client,
    private readonly codes: OneTimeCodes,
    private readonly throttle: LoginThrottle,
    private readonly outcome: SignInOutcome,
  ) {}

  async execute({ challengeId, code, client }: CodeVerify): Promise<Outcome<SignedIn>> {
    const busy = await this.throttle.admitAddress(client.address);
    if (busy) return refused(busy);
    const target = { type: 'LOGIN_CHALLENGE', id: challengeId };
    const workflowId = loginChallengeWorkflowId(challengeId);
    const verdict = await this.codes.check(workflowId, code, 1);
    const handle = this.temporal.workflow.getHandle(workflowId);
    const view = await handle.query(loginChallengeStateQuery).catch((error: unknown) => {
      if (error instanceof WorkflowNotFoundError) return null;
      throw error;
    });
    if (!view) return this.outcome.refuse(null, 'CODE', 'UNKNOWN_CHALLENGE', client, target);
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: view.userId }, select: SIGNED_IN_USER });
    if (view.status !== 'ISSUED') return this.outcome.refuse(user, 'CODE', `CHALLENGE_${view.status}`, client, target);
    // A locked or blocked user's guess must not spend the challenge's tries; the settling decides again under the lock.
    const refusal = await this.throttle.refusalNow(user);
    if (refusal) return this.outcome.refuse(user, 'CODE', refusal, client, target);
    const result = await handle.executeUpdate(checkLoginCodeUpdate, { args: [{ userId: user.id, correct: verdict?.correct ?? false }] }).catch((error: unknown) => {
      // Expired or finished meanwhile: the machine said no, and the caller hears the same 401.
      if (error instanceof WorkflowUpdateFailedError || error instanceof WorkflowNotFoundError) return null;
      throw error;
    });
    const correct = result?.status === 'VERIFIED';
    return this.outcome.settle(user, 'CODE', { correct, wrongReason: result ? 'WRONG_CODE' : 'CHALLENGE_CLOSED', target, details: { challengeId } }, client);
  }
}

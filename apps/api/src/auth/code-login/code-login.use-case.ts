import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { loginRefusal, sendLimit } from '@domain/auth';
import { refused, success, type Outcome } from '@domain/refusal';
import { readLoginCounters } from '@infra/auth/login-locks';
import { PrismaService } from '@infra/prisma/prisma.service';
import { ENV } from '@infra/tokens';
import { loginChallengeWorkflowId, type LoginChallengeInput } from '@workflows/login-challenge/login-challenge.messages';
import { AuditLog } from '../../common/audit-log.service';
import type { ClientInfo } from '../../common/client-info';
import { UserFlows } from '../../common/user-flow';
import type { ApiEnv } from '../../config/api-env';
import { RateCounters, sendRateLimit } from '../protection/rate-counters.service';

export interface CodeLogin {
  login: string;
  client: ClientInfo;
}

/**
 * Starts a sign-in by SMS code (§1.4, §1.16, §2.9). The answer is the same for
 * every login: an unknown, blocked or locked one gets a challenge id that exists
 * nowhere, and later fails verification like a wrong code. Sends are limited per
 * login (known or not, so the limit tells nothing) and per phone.
 */
@Injectable()
export class CodeLoginUseCase {
  constructor(
    private readonly prisma: PrismaService,
    private readonly userFlows: UserFlows,
    private readonly counters: RateCounters,
    private readonly audit: AuditLog,
    @Inject(ENV) private readonly env: ApiEnv,
  ) {}

  async execute({ login, client }: CodeLogin): Promise<Outcome<{ challengeId: string; expiresAt: string }>> {
    const issuedAt = Date.now();
    const challengeId = randomUUID();
    const answer = { challengeId, expiresAt: new Date(issuedAt + this.env.CODE_TTL_MS).toISOString() };
    const user = await this.prisma.user.findUnique({ where: { login }, select: { id: true, partnerId: true, phone: true, status: true } });
    const refusal = user ? loginRefusal(user.status, await readLoginCounters(this.prisma, user.id), issuedAt) : null;
    const eligible = user !== null && refusal === null;
    const limit = sendRateLimit(this.env);
    const wait = await this.counters.consume([
      { kind: 'CODE_LOGIN', value: login, limit },
      ...(eligible ? [{ kind: 'SMS_PHONE' as const, value: user.phone, limit }] : []),
    ]);
    if (wait !== null) return refused(sendLimit(wait));
    if (eligible) await this.startChallenge(challengeId, user, issuedAt);
    // The workflow records the challenge's own steps; this is the request, granted or not.
    await this.audit.alone({
      by: user && { userId: user.id, partnerId: user.partnerId },
      caller: client,
      action: 'auth.otp.request',
      target: eligible ? { type: 'LOGIN_CHALLENGE', id: challengeId } : null,
      outcome: eligible ? 'SUCCESS' : 'FAILURE',
      details: eligible ? { method: 'CODE' } : { method: 'CODE', reason: refusal ?? 'UNKNOWN_LOGIN' },
    });
    return success(answer);
  }

  private async startChallenge(challengeId: string, user: { id: string; partnerId: string }, issuedAt: number): Promise<void> {
    const input: LoginChallengeInput = {
      challengeId,
      userId: user.id,
      partnerId: user.partnerId,
      issuedAt,
      ttlMs: this.env.CODE_TTL_MS,
      maxAttempts: this.env.CODE_MAX_ATTEMPTS,
    };
    await this.userFlows.start({
      type: 'loginChallengeWorkflow',
      workflowId: loginChallengeWorkflowId(challengeId),
      input,
      flow: 'login-challenge',
      user,
      status: 'ISSUED',
      summary: 'Sign-in by SMS code',
    });
  }
}

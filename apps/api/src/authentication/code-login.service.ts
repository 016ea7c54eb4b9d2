import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { loginRefusal, sendLimit } from '../../../../libs/domain/src/auth';
import { readLoginCounters } from '../../../../libs/infra/src/auth/login-locks';
import { AuditService } from '../../../../libs/infra/src/audit/audit.service';
import { PrismaService } from '../../../../libs/infra/src/prisma/prisma.service';
import { ENV } from '../../../../libs/infra/src/tokens';
import { loginChallengeWorkflowId, type LoginChallengeInput } from '../../../../workflows/src/login-challenge/login-challenge.messages';
import { DomainProblem } from '../common/problem';
import { UserFlows } from '../common/user-flow';
import type { ApiEnv } from '../config/api-env';
import type { ClientInfo } from '../login-protection/client-info';
import { RateCounters, sendRateLimit } from '../login-protection/rate-counters.service';

/**
 * Starts a sign-in by SMS code (§1.4, §1.16, §2.9). The answer is the same for
 * every login: an unknown, blocked or locked one gets a challenge id that exists
 * nowhere, and later fails verification like a wrong code. Sends are limited per
 * login (known or not, so the limit tells nothing) and per phone.
 */
@Injectable()
export class CodeLoginService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly userFlows: UserFlows,
    private readonly counters: RateCounters,
    private readonly audit: AuditService,
    @Inject(ENV) private readonly env: ApiEnv,
  ) {}

  async start(login: string, client: ClientInfo) {
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
    if (wait !== null) throw new DomainProblem(sendLimit(wait));
    if (eligible) await this.startChallenge(challengeId, user, issuedAt);
    await this.audit.record({
      actorType: user ? 'USER' : 'ANONYMOUS',
      actorId: user?.id ?? null,
      partnerId: user?.partnerId ?? null,
      action: 'auth.otp.request',
      targetType: eligible ? 'LOGIN_CHALLENGE' : null,
      targetId: eligible ? challengeId : null,
      outcome: eligible ? 'SUCCESS' : 'FAILURE',
      requestId: client.requestId,
      clientAddress: client.address,
      details: eligible ? { method: 'CODE' } : { method: 'CODE', reason: refusal ?? 'UNKNOWN_LOGIN' },
    });
    return answer;
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

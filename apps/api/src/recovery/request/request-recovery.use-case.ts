import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { mayRecoverPassword, sendLimit } from '@domain/auth';
import { linkScope } from '@infra/crypto/scopes';
import { SecretKeys } from '@infra/crypto/secret-keys';
import { PrismaService } from '@infra/prisma/prisma.service';
import { ENV } from '@infra/tokens';
import { cancelRecoverySignal, recoveryWorkflowId, type RecoveryInput } from '@workflows/recovery/recovery.messages';
import { refused, success, type Outcome } from '@domain/refusal';
import { RateCounters, sendRateLimit } from '../../auth/protection/rate-counters.service';
import { AuditLog } from '../../common/audit-log.service';
import type { ClientInfo } from '../../common/client-info';
import { UserFlows } from '../../common/user-flow';
import type { ApiEnv } from '../../config/api-env';

const OPEN = ['LINK_SENT', 'CODE_SENT', 'CODE_VERIFIED'] as const;

/**
 * §1.12 "forgot my password": the same 202 whether or not the login exists (or
 * may recover); for a registered, unblocked user a recovery workflow e-mails a
 * link. A newer request replaces an open one. Requests are limited per login.
 */
@Injectable()
export class RequestRecoveryUseCase {
  constructor(
    private readonly prisma: PrismaService,
    private readonly temporal: Client,
    private readonly userFlows: UserFlows,
    private readonly keys: SecretKeys,
    private readonly counters: RateCounters,
    private readonly audit: AuditLog,
    @Inject(ENV) private readonly env: ApiEnv,
  ) {}

  async execute(login: string, client: ClientInfo): Promise<Outcome<{ linkTtlSeconds: number }>> {
    const user = await this.prisma.user.findUnique({ where: { login }, select: { id: true, partnerId: true, status: true } });
    const eligible = user !== null && mayRecoverPassword(user.status);
    const wait = await this.counters.consume([
      {
        kind: 'RECOVERY_LOGIN',
        value: login,
        limit: sendRateLimit(this.env),
      },
    ]);
    if (wait !== null) return refused(sendLimit(wait));
    const workflowId = eligible ? await this.begin(user) : null;
    // The workflow records the recovery's own steps; this is the request, granted or not.
    await this.audit.alone({
      by: user && { userId: user.id, partnerId: user.partnerId },
      caller: client,
      action: 'auth.recovery.request',
      target: workflowId ? { type: 'RECOVERY', id: workflowId } : null,
      outcome: eligible ? 'SUCCESS' : 'FAILURE',
      details: eligible ? {} : { reason: user ? user.status : 'UNKNOWN_LOGIN' },
    });
    return success({ linkTtlSeconds: this.env.REGISTRATION_LINK_TTL_MS / 1000 });
  }

  private async begin(user: { id: string; partnerId: string }): Promise<string> {
    const last = await this.prisma.passwordRecovery.findFirst({ where: { userId: user.id }, orderBy: { recoveryNo: 'desc' } });
    if (last && (OPEN as readonly string[]).includes(last.status)) {
      await this.temporal.workflow
        .getHandle(last.workflowId)
        .signal(cancelRecoverySignal, { reason: 'SUPERSEDED' })
        .catch(() => undefined); // already closed: nothing to cancel
      await this.prisma.passwordRecovery.updateMany({ where: { id: last.id, status: { in: [...OPEN] } }, data: { status: 'CANCELLED' } });
    }
    const recoveryNo = (last?.recoveryNo ?? 0) + 1;
    const workflowId = recoveryWorkflowId(user.id, recoveryNo);
    const issuedAt = Date.now();
    const input: RecoveryInput = {
      userId: user.id,
      partnerId: user.partnerId,
      recoveryNo,
      issuedAt,
      linkTtlMs: this.env.REGISTRATION_LINK_TTL_MS,
      codeTtlMs: this.env.CODE_TTL_MS,
      resendCooldownMs: this.env.CODE_RESEND_COOLDOWN_MS,
      maxAttempts: this.env.CODE_MAX_ATTEMPTS,
    };
    let started = false;
    try {
      // The row and the workflow start together or not at all (as for applications).
      await this.prisma.$transaction(async (tx) => {
        await tx.passwordRecovery.create({
          data: {
            id: randomUUID(),
            userId: user.id,
            recoveryNo,
            workflowId,
            tokenHash: this.keys.hashToken(this.keys.deriveToken(linkScope(workflowId))),
            expiresAt: new Date(issuedAt + input.linkTtlMs),
          },
        });
        await this.userFlows.start({
          type: 'recoveryWorkflow',
          workflowId,
          input,
          flow: 'recovery',
          user,
          status: 'LINK_SENT',
          summary: `Password recovery No. ${recoveryNo}`,
        });
        started = true;
      });
    } catch (error) {
      if (started)
        await this.temporal.workflow
          .getHandle(workflowId)
          .terminate('recovery not recorded')
          .catch(() => undefined);
      // A concurrent request for the same login recorded this recovery first: one link is enough.
      if ((error as { code?: string }).code === 'P2002' || error instanceof WorkflowExecutionAlreadyStartedError) return workflowId;
      throw error;
    }
    return workflowId;
  }
}

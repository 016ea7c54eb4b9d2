import { Inject, Injectable } from '@nestjs/common';
import { recordLoginSuccess, statusWhenUnlocked, type RecoveryStatus } from '@domain/auth';
import { maskEmail, type Email } from '@domain/values/email.value-object';
import { lockLoginCounters, saveLoginCounters } from '@infra/auth/login-locks';
import { AuditService } from '@infra/audit/audit.service';
import { OneTimeCodes } from '@infra/codes/one-time-codes';
import type { SharedEnv } from '@infra/config/env.schema';
import { linkScope } from '@infra/crypto/scopes';
import { SecretKeys } from '@infra/crypto/secret-keys';
import type { Mailer } from '@infra/messaging/mailer';
import { PrismaService } from '@infra/prisma/prisma.service';
import { ENV, MAILER } from '@infra/tokens';
import type { RecoveryActivities } from '@workflows/recovery/recovery.activities.contract';
import { recoveryCodeSms, recoveryLinkMail } from '../messages/auth-templates';

/**
 * Password recovery I/O (§1.12). Idempotent: the token and codes derive from the
 * workflow id, messages go once, and completing twice changes nothing more.
 */
@Injectable()
export class RecoveryActivitiesImpl implements RecoveryActivities {
  constructor(
    private readonly prisma: PrismaService,
    private readonly keys: SecretKeys,
    private readonly codes: OneTimeCodes,
    private readonly audit: AuditService,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(ENV) private readonly env: SharedEnv,
  ) {}

  async sendRecoveryLink(input: { workflowId: string; userId: string; expiresAt: string }): Promise<void> {
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: input.userId }, include: { partner: { select: { name: true } } } });
    const token = this.keys.deriveToken(linkScope(input.workflowId));
    // The API recorded the recovery with this token's HMAC before starting the workflow.
    const mail = recoveryLinkMail(user.language, {
      fullName: user.fullName,
      organisation: user.partner.name,
      link: `${this.env.CABINET_URL.replace(/\/$/, '')}/recover/${token}`,
      expiresAt: input.expiresAt,
    });
    await this.mailer.send({
      idempotencyKey: `${input.workflowId}/link`,
      to: user.login,
      ...mail,
      template: 'recovery-link',
      recipientForLog: maskEmail(user.login as Email),
    });
  }

  async sendRecoveryCode(input: { workflowId: string; userId: string; codeNo: number; expiresAt: string }): Promise<void> {
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: input.userId } });
    await this.codes.issue({
      scope: input.workflowId,
      codeNo: input.codeNo,
      purpose: 'RECOVERY',
      phone: user.phone,
      expiresAt: new Date(input.expiresAt),
      text: (code) => recoveryCodeSms(user.language, { code, ttlMs: this.env.CODE_TTL_MS }),
    });
  }

  async recordRecoveryStatus(input: { workflowId: string; status: RecoveryStatus }): Promise<void> {
    // COMPLETED is written by completeRecovery together with the password.
    await this.prisma.passwordRecovery.updateMany({
      where: { workflowId: input.workflowId, status: { not: 'COMPLETED' } },
      data: { status: input.status },
    });
  }

  async completeRecovery(input: { workflowId: string; userId: string }): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const recovery = await tx.passwordRecovery.findUniqueOrThrow({ where: { workflowId: input.workflowId } });
      if (recovery.status === 'COMPLETED') return;
      const passwordHash = recovery.pendingPasswordHash;
      if (!passwordHash) throw new Error('completeRecovery: no pending password for this recovery');
      // Proving the e-mail and the phone is as good as a successful login: the lock ends.
      await lockLoginCounters(tx, input.userId);
      await saveLoginCounters(tx, input.userId, recordLoginSuccess());
      const user = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { status: true, partnerId: true } });
      await tx.user.update({
        where: { id: input.userId },
        data: { passwordHash, passwordSetAt: new Date(), status: statusWhenUnlocked(user.status) },
      });
      await tx.passwordHistory.create({ data: { userId: input.userId, hash: passwordHash } });
      const { count: sessionsRevoked } = await tx.session.updateMany({
        where: { userId: input.userId, revokedAt: null },
        data: { revokedAt: new Date(), revokeReason: 'PASSWORD_RECOVERED' },
      });
      await tx.passwordRecovery.update({
        where: { workflowId: input.workflowId },
        data: { status: 'COMPLETED', pendingPasswordHash: null },
      });
      // The new password and its record commit together (§1.15); the user proved e-mail and phone.
      await this.audit.append(tx, {
        actorType: 'USER',
        actorId: input.userId,
        partnerId: user.partnerId,
        action: 'auth.recovery.complete',
        targetType: 'RECOVERY',
        targetId: input.workflowId,
        outcome: 'SUCCESS',
        details: { sessionsRevoked },
        dedupKey: `${input.workflowId}/complete`,
      });
    });
  }
}

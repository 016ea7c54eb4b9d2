import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { RegistrationActivities } from '@workflows/registration/registration.activities.contract';
import type { RegistrationView } from '@workflows/registration/registration.messages';
import { maskEmail } from '@domain/values/email.value-object';
import type { SharedEnv } from '@infra/config/env.schema';
import { OneTimeCodes } from '@infra/codes/one-time-codes';
import { linkScope } from '@infra/crypto/scopes';
import { SecretKeys } from '@infra/crypto/secret-keys';
import type { Mailer } from '@infra/messaging/mailer';
import { PrismaService } from '@infra/prisma/prisma.service';
import { ENV, MAILER } from '@infra/tokens';
import { registrationCodeSms, registrationLinkMail } from '../messages/templates';
import { subUserLinkMail } from '../messages/sub-user-templates';

/**
 * Registration I/O. Every method is idempotent: a retry derives the same token or
 * code, upserts the same row, and the delivery log keeps a message from going twice.
 */
@Injectable()
export class RegistrationActivitiesImpl implements RegistrationActivities {
  constructor(
    private readonly prisma: PrismaService,
    private readonly keys: SecretKeys,
    @Inject(MAILER) private readonly mailer: Mailer,
    private readonly codes: OneTimeCodes,
    @Inject(ENV) private readonly env: SharedEnv,
  ) {}

  async sendRegistrationLink(input: { workflowId: string; userId: string; invitationNo: number; expiresAt: string }): Promise<void> {
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: input.userId }, include: { partner: { select: { name: true } } } });
    const token = this.keys.deriveToken(linkScope(input.workflowId));
    await this.prisma.registration.upsert({
      where: { workflowId: input.workflowId },
      create: {
        id: randomUUID(),
        userId: input.userId,
        invitationNo: input.invitationNo,
        workflowId: input.workflowId,
        tokenHash: this.keys.hashToken(token),
        expiresAt: new Date(input.expiresAt),
      },
      update: {},
    });
    // A user added in the cabinet (§1.8.3) was not in any application the bank signed: say so.
    const linkMail = user.origin === 'CABINET' ? subUserLinkMail : registrationLinkMail;
    const mail = linkMail(user.language, {
      fullName: user.fullName,
      organisation: user.partner.name,
      link: `${this.env.CABINET_URL.replace(/\/$/, '')}/register/${token}`,
      expiresAt: input.expiresAt,
    });
    await this.mailer.send({
      idempotencyKey: `${input.workflowId}/link`,
      to: user.login,
      ...mail,
      template: 'registration-link',
      recipientForLog: maskEmail(user.login as never),
    });
  }

  async sendRegistrationCode(input: { workflowId: string; userId: string; codeNo: number; expiresAt: string }): Promise<void> {
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: input.userId } });
    await this.codes.issue({
      scope: input.workflowId,
      codeNo: input.codeNo,
      purpose: 'REGISTRATION',
      phone: user.phone,
      expiresAt: new Date(input.expiresAt),
      text: (code) => registrationCodeSms(user.language, { code, ttlMs: this.env.CODE_TTL_MS }),
    });
  }

  async recordRegistrationStatus(input: { workflowId: string; status: RegistrationView['status'] }): Promise<void> {
    await this.prisma.registration.updateMany({ where: { workflowId: input.workflowId }, data: { status: input.status } });
  }

  async activateUser(input: { workflowId: string; userId: string }): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const user = await tx.user.findUniqueOrThrow({ where: { id: input.userId } });
      if (user.status === 'ACTIVE') return;
      if (!user.passwordHash) throw new Error('activateUser: no password stored for the user');
      await tx.user.update({ where: { id: user.id }, data: { status: 'ACTIVE', activatedAt: new Date() } });
      await tx.passwordHistory.create({ data: { userId: user.id, hash: user.passwordHash } });
      await tx.registration.updateMany({ where: { workflowId: input.workflowId }, data: { status: 'ACTIVE' } });
    });
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { isLoginLocked, statusWhenUnlocked } from '@domain/auth';
import { maskEmail, type Email } from '@domain/values/email.value-object';
import { maskPhone, type Phone } from '@domain/values/phone.value-object';
import { lockLoginCounters } from '@infra/auth/login-locks';
import { OneTimeCodes } from '@infra/codes/one-time-codes';
import type { SharedEnv } from '@infra/config/env.schema';
import type { Mailer } from '@infra/messaging/mailer';
import type { SmsSender } from '@infra/messaging/sms';
import { PrismaService } from '@infra/prisma/prisma.service';
import { ENV, MAILER, SMS_SENDER } from '@infra/tokens';
import type { LoginChallengeActivities } from '@workflows/login-challenge/login-challenge.activities.contract';
import type { LoginLockActivities } from '@workflows/login-lock/login-lock.activities.contract';
import { loginCodeSms, loginLockedMail, loginLockedSms } from '../messages/auth-templates';

/**
 * Sign-in I/O: the login code, the lock notice and the lock's end. Idempotent:
 * a retry derives the same code, and the delivery log keeps each message single.
 */
@Injectable()
export class LoginActivitiesImpl implements LoginChallengeActivities, LoginLockActivities {
  constructor(
    private readonly prisma: PrismaService,
    private readonly codes: OneTimeCodes,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(SMS_SENDER) private readonly sms: SmsSender,
    @Inject(ENV) private readonly env: SharedEnv,
  ) {}

  async sendLoginCode(input: { workflowId: string; userId: string; expiresAt: string }): Promise<void> {
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: input.userId } });
    await this.codes.issue({
      scope: input.workflowId,
      codeNo: 1,
      purpose: 'LOGIN',
      phone: user.phone,
      expiresAt: new Date(input.expiresAt),
      text: (code) => loginCodeSms(user.language, { code, ttlMs: this.env.CODE_TTL_MS }),
    });
  }

  async sendLoginLockedNotice(input: { workflowId: string; userId: string; lockedUntil: string }): Promise<void> {
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: input.userId }, include: { partner: { select: { name: true } } } });
    const mail = loginLockedMail(user.language, { fullName: user.fullName, organisation: user.partner.name, lockedUntil: input.lockedUntil });
    await this.mailer.send({
      idempotencyKey: `${input.workflowId}/mail`,
      to: user.login,
      ...mail,
      template: 'login-locked',
      recipientForLog: maskEmail(user.login as Email),
    });
    await this.sms.send({
      idempotencyKey: `${input.workflowId}/sms`,
      phone: user.phone,
      text: loginLockedSms(user.language, { lockedUntil: input.lockedUntil }),
      template: 'login-locked',
      recipientForLog: maskPhone(user.phone as Phone),
    });
  }

  async endLoginLock(input: { userId: string }): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const lock = await lockLoginCounters(tx, input.userId);
      if (isLoginLocked(lock, Date.now())) return; // a newer lock runs; its own workflow ends it
      const user = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: { status: true } });
      const status = statusWhenUnlocked(user.status);
      if (status !== user.status) await tx.user.update({ where: { id: input.userId }, data: { status } });
    });
  }
}

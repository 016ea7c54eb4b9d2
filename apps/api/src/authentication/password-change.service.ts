import { HttpException, Injectable } from '@nestjs/common';
import { AuditService } from '../../../../libs/infra/src/audit/audit.service';
import { PasswordHasher } from '../../../../libs/infra/src/crypto/password-hasher';
import { PrismaService } from '../../../../libs/infra/src/prisma/prisma.service';
import type { CabinetActor } from '../auth/cabinet-actor';
import { SessionService } from '../auth/session.service';
import { problem } from '../common/problem';
import type { ClientInfo } from '../login-protection/client-info';
import { LoginThrottle } from '../login-protection/login-throttle.service';
import { PasswordRules } from '../login-protection/password-rules.service';

/**
 * §1.12 change of password: the current one is required (and a wrong one counts
 * toward the login lock, so a borrowed session can't guess it), the new one must
 * meet the policy and differ from the last five, and every other session ends.
 */
@Injectable()
export class PasswordChangeService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly hasher: PasswordHasher,
    private readonly rules: PasswordRules,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
  ) {}

  async change(actor: CabinetActor, currentPassword: string, newPassword: string, client: ClientInfo): Promise<void> {
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { id: true, login: true, partnerId: true, passwordHash: true } });
    const attempt = await this.throttle.admit(user.id, 'PASSWORD');
    const correct = !!user.passwordHash && (await this.hasher.verify(user.passwordHash, currentPassword));
    if (!attempt.admitted || !correct) {
      if (attempt.admitted && attempt.lockedNow) await this.throttle.announceLock(user, attempt.lockedUntil!);
      await this.record(actor, client, 'FAILURE', { reason: attempt.admitted ? 'WRONG_PASSWORD' : attempt.refusal });
      throw new HttpException(
        problem(400, 'the current password is wrong', {
          code: 'AUTH.WRONG_CURRENT_PASSWORD',
          errors: [{ path: 'currentPassword', message: 'wrong password' }],
        }),
        400,
      );
    }
    await this.throttle.succeed(user.id);
    const passwordHash = await this.rules.acceptableHash(user, newPassword, 'newPassword');
    await this.prisma.$transaction([
      this.prisma.user.update({ where: { id: user.id }, data: { passwordHash, passwordSetAt: new Date() } }),
      this.prisma.passwordHistory.create({ data: { userId: user.id, hash: passwordHash } }),
    ]);
    const ended = await this.sessions.revokeAll(user.id, 'PASSWORD_CHANGED', actor.sessionId);
    await this.record(actor, client, 'SUCCESS', { otherSessionsEnded: ended });
  }

  private record(actor: CabinetActor, client: ClientInfo, outcome: 'SUCCESS' | 'FAILURE', details: Record<string, unknown>) {
    return this.audit.record({
      actorType: 'USER',
      actorId: actor.userId,
      partnerId: actor.partnerId,
      action: 'auth.password.change',
      targetType: 'USER',
      targetId: actor.userId,
      outcome,
      requestId: client.requestId,
      clientAddress: client.address,
      details: { method: actor.authMethod, ...details },
    });
  }
}

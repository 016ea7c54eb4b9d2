import { HttpException, Injectable } from '@nestjs/common';
import { loginFailureReason } from '../../../../libs/domain/src/auth';
import { AuditService, type AuditEntry } from '../../../../libs/infra/src/audit/audit.service';
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
 * meet the policy and differ from the last five, and every other session ends —
 * in the transaction that stores the new password, with its audit record.
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
    const correct = !!user.passwordHash && (await this.hasher.verify(user.passwordHash, currentPassword));
    // Settled like a sign-in (LoginThrottle.decide): weighed first, decided under the counter lock.
    const decision = await this.prisma.$transaction(async (tx) => {
      const decision = await this.throttle.decide(tx, user.id, 'PASSWORD', correct);
      if (decision.kind !== 'SIGNED_IN')
        await this.audit.append(tx, this.entry(actor, client, 'FAILURE', { reason: loginFailureReason(decision, 'WRONG_PASSWORD') }));
      return decision;
    });
    if (decision.kind !== 'SIGNED_IN') {
      if (decision.kind === 'WRONG' && decision.lockedNow) await this.throttle.announceLock(user, decision.lock.lockedUntil!);
      throw new HttpException(
        problem(400, 'the current password is wrong', {
          code: 'AUTH.WRONG_CURRENT_PASSWORD',
          errors: [{ path: 'currentPassword', message: 'wrong password' }],
        }),
        400,
      );
    }
    const passwordHash = await this.rules.acceptableHash(user, newPassword, 'newPassword');
    await this.prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { passwordHash, passwordSetAt: new Date() } });
      await tx.passwordHistory.create({ data: { userId: user.id, hash: passwordHash } });
      const ended = await this.sessions.revokeAll(user.id, 'PASSWORD_CHANGED', actor.sessionId, tx);
      await this.audit.append(tx, this.entry(actor, client, 'SUCCESS', { otherSessionsEnded: ended }));
    });
  }

  private entry(actor: CabinetActor, client: ClientInfo, outcome: 'SUCCESS' | 'FAILURE', details: Record<string, unknown>): AuditEntry {
    return {
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
    };
  }
}

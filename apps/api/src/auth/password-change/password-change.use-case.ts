import { Injectable } from '@nestjs/common';
import { loginFailureReason } from '@domain/auth';
import { domainError } from '@domain/domain-error';
import { fieldRefusal, refused, success, type Outcome } from '@domain/refusal';
import { PasswordHasher } from '@infra/crypto/password-hasher';
import { PrismaService } from '@infra/prisma/prisma.service';
import { AuditLog, type AuditFact } from '../../common/audit-log.service';
import type { ClientInfo } from '../../common/client-info';
import type { CabinetActor } from '../cabinet-actor';
import { LoginThrottle } from '../protection/login-throttle.service';
import { PasswordRules } from '../protection/password-rules.service';
import { SessionService } from '../session.service';

export interface PasswordChange {
  actor: CabinetActor;
  currentPassword: string;
  newPassword: string;
  client: ClientInfo;
}

const wrongCurrentPassword = () =>
  fieldRefusal(domainError('AUTH.WRONG_CURRENT_PASSWORD', 'INVALID', 'the current password is wrong'), [{ path: 'currentPassword', message: 'wrong password' }]);

/**
 * §1.12 change of password: the current one is required (and a wrong one counts
 * toward the login lock, so a borrowed session can't guess it), the new one must
 * meet the policy and differ from the last five, and every other session ends —
 * in the transaction that stores the new password, with its audit record.
 */
@Injectable()
export class PasswordChangeUseCase {
  constructor(
    private readonly prisma: PrismaService,
    private readonly hasher: PasswordHasher,
    private readonly rules: PasswordRules,
    private readonly throttle: LoginThrottle,
    private readonly sessions: SessionService,
    private readonly audit: AuditLog,
  ) {}

  async execute({ actor, currentPassword, newPassword, client }: PasswordChange): Promise<Outcome<void>> {
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { id: true, login: true, partnerId: true, passwordHash: true } });
    const correct = !!user.passwordHash && (await this.hasher.verify(user.passwordHash, currentPassword));
    // Settled like a sign-in (LoginThrottle.decide): weighed first, decided under the counter lock.
    const decision = await this.prisma.$transaction(async (tx) => {
      const decision = await this.throttle.decide(tx, user.id, 'PASSWORD', correct);
      if (decision.kind !== 'SIGNED_IN') await this.audit.within(tx, fact(actor, client, 'FAILURE', { reason: loginFailureReason(decision, 'WRONG_PASSWORD') }));
      return decision;
    });
    if (decision.kind !== 'SIGNED_IN') {
      if (decision.kind === 'WRONG' && decision.lockedNow) await this.throttle.announceLock(user, decision.lock.lockedUntil!);
      return refused(wrongCurrentPassword());
    }
    const hashed = await this.rules.acceptableHash(user, newPassword, 'newPassword');
    if (!hashed.ok) return hashed;
    await this.prisma.$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { passwordHash: hashed.value, passwordSetAt: new Date() } });
      await tx.passwordHistory.create({ data: { userId: user.id, hash: hashed.value } });
      const ended = await this.sessions.revokeAll(user.id, 'PASSWORD_CHANGED', actor.sessionId, tx);
      await this.audit.within(tx, fact(actor, client, 'SUCCESS', { otherSessionsEnded: ended }));
    });
    return success(undefined);
  }
}

const fact = (actor: CabinetActor, client: ClientInfo, outcome: 'SUCCESS' | 'FAILURE', details: Record<string, unknown>): AuditFact => ({
  by: actor,
  caller: client,
  action: 'auth.password.change',
  target: { type: 'USER', id: actor.userId },
  outcome,
  details: { method: actor.authMethod, ...details },
});

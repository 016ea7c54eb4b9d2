import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { checkPassword } from '../../../../libs/domain/src/password-policy';
import { domainError } from '../../../../libs/domain/src/domain-error';
import { maskEmail, maskPhone, type Email, type Phone } from '../../../../libs/domain/src/values';
import type { SharedEnv } from '../../../../libs/infra/src/config/env.schema';
import { PasswordHasher } from '../../../../libs/infra/src/crypto/password-hasher';
import { OneTimeCodes } from '../../../../libs/infra/src/codes/one-time-codes';
import { SecretKeys } from '../../../../libs/infra/src/crypto/secret-keys';
import { PrismaService } from '../../../../libs/infra/src/prisma/prisma.service';
import { ENV } from '../../../../libs/infra/src/tokens';
import {
  checkCodeUpdate,
  passwordSetUpdate,
  registrationStateQuery,
  requestCodeUpdate,
  type RegistrationView,
} from '../../../../workflows/src/registration/registration.messages';
import { DomainProblem, problem } from '../common/problem';
import { unknownLink } from './registration-token.pipe';
import { HttpException } from '@nestjs/common';

/**
 * The invitee's side of §1.5–§1.7: the e-mailed token finds the registration,
 * the workflow decides every step; codes are checked here against their HMAC and
 * only the verdict goes to the workflow; the password hash is stored here and the
 * workflow only learns that it was set.
 */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly temporal: Client,
    private readonly keys: SecretKeys,
    private readonly hasher: PasswordHasher,
    private readonly codes: OneTimeCodes,
    @Inject(ENV) private readonly env: SharedEnv,
  ) {}

  async status(token: string) {
    const reg = await this.find(token);
    const view = await this.view(reg.workflowId, reg.status as RegistrationView['status'], reg.expiresAt);
    return {
      ...view,
      emailMasked: maskEmail(reg.user.login as Email),
      phoneMasked: maskPhone(reg.user.phone as Phone),
      codeTtlSeconds: this.env.CODE_TTL_MS / 1000,
      resendCooldownSeconds: this.env.CODE_RESEND_COOLDOWN_MS / 1000,
    };
  }

  async requestCode(token: string) {
    const reg = await this.find(token);
    const sent = await this.update(reg, requestCodeUpdate, []);
    return { codeExpiresAt: sent.codeExpiresAt, resendAvailableAt: sent.resendAvailableAt };
  }

  async verify(token: string, code: string) {
    const reg = await this.find(token);
    const verdict = await this.codes.check(reg.workflowId, code);
    if (!verdict) {
      throw new DomainProblem(domainError('REGISTRATION.NO_CODE', 'CONFLICT', 'request a code first', { state: reg.status }));
    }
    const result = await this.update(reg, checkCodeUpdate, [verdict]);
    if (result.status === 'CODE_VERIFIED') return { status: result.status };
    throw new HttpException(
      problem(400, result.status === 'LOCKED' ? 'wrong code; the registration is now locked' : 'wrong code', {
        code: 'REGISTRATION.WRONG_CODE',
        attemptsLeft: result.attemptsLeft,
        state: result.status,
        errors: [{ path: 'code', message: 'wrong code' }],
      }),
      400,
    );
  }

  async setPassword(token: string, password: string) {
    const reg = await this.find(token);
    const view = await this.handle(reg.workflowId).query(registrationStateQuery);
    if (view.status !== 'CODE_VERIFIED') {
      throw new DomainProblem(
        domainError('REGISTRATION.TRANSITION_NOT_ALLOWED', 'CONFLICT', `verify the SMS code first (state ${view.status})`, { state: view.status }),
      );
    }
    const history = await this.prisma.passwordHistory.findMany({
      where: { userId: reg.userId },
      orderBy: { createdAt: 'desc' },
      take: 5,
    });
    let reused = false;
    for (const old of history) if (await this.hasher.verify(old.hash, password)) reused = true;
    const problems = checkPassword(password, { login: reg.user.login, reusesRecentPassword: reused });
    if (problems.length) {
      throw new HttpException(
        problem(400, `the password does not meet ${problems.length} rule${problems.length === 1 ? '' : 's'}`, {
          code: 'PASSWORD.POLICY',
          errors: problems.map((p) => ({ path: 'password', message: p.message, code: p.code })),
        }),
        400,
      );
    }
    // Stored while the user is still INVITED (unusable for login); the workflow then activates.
    const passwordHash = await this.hasher.hash(password);
    await this.prisma.user.update({ where: { id: reg.userId }, data: { passwordHash, passwordSetAt: new Date() } });
    const result = await this.update(reg, passwordSetUpdate, []);
    return { userId: reg.userId, login: reg.user.login, status: result.status };
  }

  /** An Update to the registration; a finished registration refuses with its final state (409). */
  private async update<R, A extends unknown[]>(reg: { workflowId: string; status: string }, def: UpdateDefinition<R, A>, args: A): Promise<R> {
    try {
      return await this.handle(reg.workflowId).executeUpdate(def as unknown as UpdateDefinition<R, [unknown]>, { args: args as unknown as [unknown] });
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      const state = await this.prisma.registration.findUnique({ where: { workflowId: reg.workflowId }, select: { status: true } });
      throw new DomainProblem(
        domainError('REGISTRATION.TRANSITION_NOT_ALLOWED', 'CONFLICT', `this registration has ended (${state?.status ?? reg.status})`, {
          state: state?.status ?? reg.status,
        }),
      );
    }
  }

  private handle(workflowId: string) {
    return this.temporal.workflow.getHandle(workflowId);
  }

  private async find(token: string) {
    const reg = await this.prisma.registration.findUnique({
      where: { tokenHash: this.keys.hashToken(token) },
      include: { user: { select: { login: true, phone: true } } },
    });
    if (!reg) throw unknownLink();
    return reg;
  }

  /** The live state from the workflow; the mirrored row when the workflow can't be asked. */
  private async view(workflowId: string, status: RegistrationView['status'], expiresAt: Date) {
    try {
      return await this.handle(workflowId).query(registrationStateQuery);
    } catch {
      return { status, expiresAt: expiresAt.toISOString(), codeExpiresAt: null, resendAvailableAt: null };
    }
  }
}

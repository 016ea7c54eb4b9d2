import { HttpException, Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { checkPassword } from '../../../../libs/domain/src/password-policy';
import { maskEmail, maskPhone, type Email, type Phone } from '../../../../libs/domain/src/values';
import type { SharedEnv } from '../../../../libs/infra/src/config/env.schema';
import { PasswordHasher } from '../../../../libs/infra/src/crypto/password-hasher';
import { OneTimeCodes } from '../../../../libs/infra/src/codes/one-time-codes';
import { SecretKeys } from '../../../../libs/infra/src/crypto/secret-keys';
import { PrismaService } from '../../../../libs/infra/src/prisma/prisma.service';
import { ENV } from '../../../../libs/infra/src/tokens';
import { checkCodeUpdate, passwordSetUpdate, registrationStateQuery, requestCodeUpdate } from '../../../../workflows/src/registration/registration.messages';
import { LinkCodeSteps } from '../common/link-code-steps';
import { problem } from '../common/problem';
import { unknownLink } from './registration-token.pipe';

/**
 * The invitee's side of §1.5–§1.7: the e-mailed token finds the registration,
 * the workflow decides every step; codes are checked here against their HMAC and
 * only the verdict goes to the workflow; the password hash is stored here and the
 * workflow only learns that it was set.
 */
@Injectable()
export class RegistrationService {
  private readonly steps: LinkCodeSteps;

  constructor(
    private readonly prisma: PrismaService,
    private readonly temporal: Client,
    private readonly keys: SecretKeys,
    private readonly hasher: PasswordHasher,
    private readonly codes: OneTimeCodes,
    @Inject(ENV) private readonly env: SharedEnv,
  ) {
    this.steps = new LinkCodeSteps(temporal, 'REGISTRATION');
  }

  async status(token: string) {
    const reg = await this.find(token);
    const view = await this.steps.view(reg, registrationStateQuery);
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
    if (!verdict) throw this.steps.noCode(reg.status);
    const result = await this.update(reg, checkCodeUpdate, [verdict]);
    if (result.status === 'CODE_VERIFIED') return { status: result.status };
    throw this.steps.wrongCode(result);
  }

  async setPassword(token: string, password: string) {
    const reg = await this.find(token);
    const view = await this.temporal.workflow.getHandle(reg.workflowId).query(registrationStateQuery);
    if (view.status !== 'CODE_VERIFIED') throw this.steps.notVerified(view.status);
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

  /** An Update to the registration; a finished one refuses with the state its row recorded last. */
  private update<R, A extends unknown[]>(reg: { workflowId: string; status: string }, def: UpdateDefinition<R, A>, args: A): Promise<R> {
    return this.steps.update(reg.workflowId, def, args, async () => {
      const row = await this.prisma.registration.findUnique({ where: { workflowId: reg.workflowId }, select: { status: true } });
      return row?.status ?? reg.status;
    });
  }

  private async find(token: string) {
    const reg = await this.prisma.registration.findUnique({
      where: { tokenHash: this.keys.hashToken(token) },
      include: { user: { select: { login: true, phone: true } } },
    });
    if (!reg) throw unknownLink();
    return reg;
  }
}

import { HttpException, Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { sendLimit } from '../../../../libs/domain/src/auth';
import { domainError } from '../../../../libs/domain/src/domain-error';
import { maskEmail, maskPhone, type Email, type Phone } from '../../../../libs/domain/src/values';
import { OneTimeCodes } from '../../../../libs/infra/src/codes/one-time-codes';
import { SecretKeys } from '../../../../libs/infra/src/crypto/secret-keys';
import { PrismaService } from '../../../../libs/infra/src/prisma/prisma.service';
import { ENV } from '../../../../libs/infra/src/tokens';
import {
  checkRecoveryCodeUpdate,
  recoveryPasswordSetUpdate,
  recoveryStateQuery,
  requestRecoveryCodeUpdate,
} from '../../../../workflows/src/recovery/recovery.messages';
import { DomainProblem, problem } from '../common/problem';
import { PasswordRules } from '../login-protection/password-rules.service';
import { RateCounters, sendRateLimit } from '../login-protection/rate-counters.service';
import type { ApiEnv } from '../config/api-env';
import { unknownRecoveryLink } from './recovery-token.pipe';
import { RecoveryAudit } from './recovery-audit';
import type { ClientInfo } from '../login-protection/client-info';

type Recovery = Awaited<ReturnType<RecoveryService['find']>>;

/**
 * The steps behind an e-mailed recovery link (§1.12): SMS code, its check, the
 * new password. The workflow decides every step; codes are checked here and
 * only the verdict goes there; the new password's hash waits on the recovery
 * row until the workflow accepts it and applies it.
 */
@Injectable()
export class RecoveryService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly temporal: Client,
    private readonly keys: SecretKeys,
    private readonly codes: OneTimeCodes,
    private readonly counters: RateCounters,
    private readonly rules: PasswordRules,
    private readonly audit: RecoveryAudit,
    @Inject(ENV) private readonly env: ApiEnv,
  ) {}

  async status(token: string) {
    const rec = await this.find(token);
    const view = await this.handle(rec.workflowId)
      .query(recoveryStateQuery)
      .catch(() => ({ status: rec.status, expiresAt: rec.expiresAt.toISOString(), codeExpiresAt: null, resendAvailableAt: null }));
    return { ...view, emailMasked: maskEmail(rec.user.login as Email), phoneMasked: maskPhone(rec.user.phone as Phone) };
  }

  /** 202 with the code's lifetime; 429 in the cooldown or when the phone got too many codes. */
  async requestCode(token: string) {
    const rec = await this.find(token);
    const phone = [{ kind: 'SMS_PHONE' as const, value: rec.user.phone, limit: sendRateLimit(this.env) }];
    const wait = await this.counters.peek(phone);
    if (wait !== null) throw new DomainProblem(sendLimit(wait));
    const sent = await this.update(rec, requestRecoveryCodeUpdate, []);
    await this.counters.record(phone);
    return { codeExpiresAt: sent.codeExpiresAt, resendAvailableAt: sent.resendAvailableAt };
  }

  async verify(token: string, code: string, client: ClientInfo) {
    const rec = await this.find(token);
    const verdict = await this.codes.check(rec.workflowId, code);
    if (!verdict) throw new DomainProblem(domainError('RECOVERY.NO_CODE', 'CONFLICT', 'request a code first', { state: rec.status }));
    const result = await this.update(rec, checkRecoveryCodeUpdate, [verdict]);
    await this.audit.record(rec, 'auth.recovery.verify', result.status === 'CODE_VERIFIED', client);
    if (result.status === 'CODE_VERIFIED') return { status: result.status };
    throw new HttpException(
      problem(400, result.status === 'LOCKED' ? 'wrong code; the recovery is now locked' : 'wrong code', {
        code: 'RECOVERY.WRONG_CODE',
        attemptsLeft: result.attemptsLeft,
        state: result.status,
        errors: [{ path: 'code', message: 'wrong code' }],
      }),
      400,
    );
  }

  async setPassword(token: string, password: string, client: ClientInfo) {
    const rec = await this.find(token);
    const view = await this.handle(rec.workflowId).query(recoveryStateQuery).catch(() => ({ status: rec.status }));
    if (view.status !== 'CODE_VERIFIED') {
      throw new DomainProblem(
        domainError('RECOVERY.TRANSITION_NOT_ALLOWED', 'CONFLICT', `verify the SMS code first (state ${view.status})`, { state: view.status }),
      );
    }
    const pendingPasswordHash = await this.rules.acceptableHash({ id: rec.userId, login: rec.user.login }, password, 'password');
    await this.prisma.passwordRecovery.update({ where: { id: rec.id }, data: { pendingPasswordHash } });
    const result = await this.update(rec, recoveryPasswordSetUpdate, []);
    await this.audit.record(rec, 'auth.recovery.complete', result.status === 'COMPLETED', client);
    return { status: result.status };
  }

  /** An Update to the recovery; a finished one refuses with its final state (409). */
  private async update<R, A extends unknown[]>(rec: Recovery, def: UpdateDefinition<R, A>, args: A): Promise<R> {
    try {
      return await this.handle(rec.workflowId).executeUpdate(def as unknown as UpdateDefinition<R, [unknown]>, { args: args as unknown as [unknown] });
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      const now = await this.prisma.passwordRecovery.findUnique({ where: { id: rec.id }, select: { status: true } });
      const state = now?.status ?? rec.status;
      throw new DomainProblem(domainError('RECOVERY.TRANSITION_NOT_ALLOWED', 'CONFLICT', `this recovery has ended (${state})`, { state }));
    }
  }

  private handle(workflowId: string) {
    return this.temporal.workflow.getHandle(workflowId);
  }

  /** The recovery of a token; a blocked user's links are dead at once (§1.14), whatever the workflow has heard yet. */
  private async find(token: string) {
    const rec = await this.prisma.passwordRecovery.findUnique({
      where: { tokenHash: this.keys.hashToken(token) },
      include: { user: { select: { login: true, phone: true, status: true, partnerId: true } } },
    });
    if (!rec || rec.user.status === 'BLOCKED') throw unknownRecoveryLink();
    return rec;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { sendLimit } from '../../../../libs/domain/src/auth';
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
import { LinkCodeSteps } from '../common/link-code-steps';
import { DomainProblem } from '../common/problem';
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
  private readonly steps: LinkCodeSteps;

  constructor(
    private readonly prisma: PrismaService,
    temporal: Client,
    private readonly keys: SecretKeys,
    private readonly codes: OneTimeCodes,
    private readonly counters: RateCounters,
    private readonly rules: PasswordRules,
    private readonly audit: RecoveryAudit,
    @Inject(ENV) private readonly env: ApiEnv,
  ) {
    this.steps = new LinkCodeSteps(temporal, 'RECOVERY');
  }

  async status(token: string) {
    const rec = await this.find(token);
    const view = await this.steps.view(rec, recoveryStateQuery);
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
    if (!verdict) throw this.steps.noCode(rec.status);
    const result = await this.update(rec, checkRecoveryCodeUpdate, [verdict]);
    await this.audit.record(rec, 'auth.recovery.verify', result.status === 'CODE_VERIFIED', client);
    if (result.status === 'CODE_VERIFIED') return { status: result.status };
    throw this.steps.wrongCode(result);
  }

  async setPassword(token: string, password: string, client: ClientInfo) {
    const rec = await this.find(token);
    const view = await this.steps.view(rec, recoveryStateQuery);
    if (view.status !== 'CODE_VERIFIED') throw this.steps.notVerified(view.status);
    const pendingPasswordHash = await this.rules.acceptableHash({ id: rec.userId, login: rec.user.login }, password, 'password');
    await this.prisma.passwordRecovery.update({ where: { id: rec.id }, data: { pendingPasswordHash } });
    const result = await this.update(rec, recoveryPasswordSetUpdate, []);
    // A completion is recorded by the worker's write of the password, in its transaction.
    if (result.status !== 'COMPLETED') await this.audit.record(rec, 'auth.recovery.complete', false, client);
    return { status: result.status };
  }

  /** An Update to the recovery; a finished one refuses with the state its row recorded last. */
  private update<R, A extends unknown[]>(rec: Recovery, def: UpdateDefinition<R, A>, args: A): Promise<R> {
    return this.steps.update(rec.workflowId, def, args, async () => {
      const row = await this.prisma.passwordRecovery.findUnique({ where: { id: rec.id }, select: { status: true } });
      return row?.status ?? rec.status;
    });
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

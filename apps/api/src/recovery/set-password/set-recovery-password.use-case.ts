import { Injectable } from '@nestjs/common';
import { refused, success } from '@domain/refusal';
import { recoveryPasswordSetUpdate, recoveryStateQuery } from '@workflows/recovery/recovery.messages';
import { PasswordRules } from '../../auth/protection/password-rules.service';
import { AuditLog } from '../../common/audit-log.service';
import type { ClientInfo } from '../../common/client-info';
import { RecoveryRepository, recoveryStep } from '../recovery.repository';

/**
 * §1.10, §1.12: the new password, every unmet rule at once (PASSWORD.POLICY). Its hash
 * waits on the recovery row until the workflow accepts it; the worker then applies it
 * and ends every session, recording the completion in that transaction.
 */
@Injectable()
export class SetRecoveryPasswordUseCase {
  constructor(
    private readonly recoveries: RecoveryRepository,
    private readonly rules: PasswordRules,
    private readonly audit: AuditLog,
  ) {}

  async execute(token: string, password: string, client: ClientInfo) {
    const found = await this.recoveries.find(token);
    if (!found.ok) return found;
    const rec = found.value;
    const view = await this.recoveries.steps.view(rec, recoveryStateQuery);
    if (view.status !== 'CODE_VERIFIED') return refused(this.recoveries.steps.notVerified(view.status));
    const hashed = await this.rules.acceptableHash({ id: rec.userId, login: rec.user.login }, password, 'password');
    if (!hashed.ok) return hashed;
    await this.recoveries.storePendingHash(rec, hashed.value);
    const result = await this.recoveries.update(rec, recoveryPasswordSetUpdate, []);
    if (!result.ok) return result;
    if (result.value.status !== 'COMPLETED') await this.audit.alone(recoveryStep(rec, 'auth.recovery.complete', false, client));
    return success({ status: result.value.status });
  }
}

import { Injectable } from '@nestjs/common';
import { refused, success, type Outcome } from '@domain/refusal';
import { OneTimeCodes } from '@infra/codes/one-time-codes';
import { checkRecoveryCodeUpdate } from '@workflows/recovery/recovery.messages';
import { AuditLog } from '../../common/audit-log.service';
import type { ClientInfo } from '../../common/client-info';
import { RecoveryRepository, recoveryStep } from '../recovery.repository';

/**
 * §1.12: the code is checked here against its HMAC and only the verdict goes to the
 * workflow, which counts the attempts; a wrong code is RECOVERY.WRONG_CODE (400).
 */
@Injectable()
export class VerifyRecoveryCodeUseCase {
  constructor(
    private readonly recoveries: RecoveryRepository,
    private readonly codes: OneTimeCodes,
    private readonly audit: AuditLog,
  ) {}

  async execute(token: string, code: string, client: ClientInfo): Promise<Outcome<{ status: 'CODE_VERIFIED' }>> {
    const found = await this.recoveries.find(token);
    if (!found.ok) return found;
    const rec = found.value;
    const verdict = await this.codes.check(rec.workflowId, code);
    if (!verdict) return refused(this.recoveries.steps.noCode(rec.status));
    const result = await this.recoveries.update(rec, checkRecoveryCodeUpdate, [verdict]);
    if (!result.ok) return result;
    const verified = result.value.status === 'CODE_VERIFIED';
    // The workflow writes the state; this records who tried, with what outcome.
    await this.audit.alone(recoveryStep(rec, 'auth.recovery.verify', verified, client));
    return verified ? success({ status: 'CODE_VERIFIED' as const }) : refused(this.recoveries.steps.wrongCode(result.value));
  }
}

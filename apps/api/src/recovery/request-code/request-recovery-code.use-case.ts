import { Inject, Injectable } from '@nestjs/common';
import { sendLimit } from '@domain/auth';
import { refused, success, type Outcome } from '@domain/refusal';
import { ENV } from '@infra/tokens';
import { requestRecoveryCodeUpdate } from '@workflows/recovery/recovery.messages';
import { RateCounters, sendRateLimit } from '../../auth/protection/rate-counters.service';
import type { ApiEnv } from '../../config/api-env';
import { RecoveryRepository } from '../recovery.repository';

/**
 * The recovery's SMS code (§1.12): 429 in the workflow's cooldown or when the phone
 * got too many codes. The phone's budget is checked first and spent only once the
 * workflow sent, so a refused send costs nothing.
 */
@Injectable()
export class RequestRecoveryCodeUseCase {
  constructor(
    private readonly recoveries: RecoveryRepository,
    private readonly counters: RateCounters,
    @Inject(ENV) private readonly env: ApiEnv,
  ) {}

  async execute(token: string): Promise<Outcome<{ codeExpiresAt: string; resendAvailableAt: string }>> {
    const found = await this.recoveries.find(token);
    if (!found.ok) return found;
    const phone = [{ kind: 'SMS_PHONE' as const, value: found.value.user.phone, limit: sendRateLimit(this.env) }];
    const wait = await this.counters.peek(phone);
    if (wait !== null) return refused(sendLimit(wait));
    const sent = await this.recoveries.update(found.value, requestRecoveryCodeUpdate, []);
    if (!sent.ok) return sent;
    await this.counters.record(phone);
    return success({ codeExpiresAt: sent.value.codeExpiresAt, resendAvailableAt: sent.value.resendAvailableAt });
  }
}

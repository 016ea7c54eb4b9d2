import { Injectable } from '@nestjs/common';
import { success } from '@domain/refusal';
import { maskEmail, maskPhone, type Email, type Phone } from '@domain/values';
import { recoveryStateQuery } from '@workflows/recovery/recovery.messages';
import { RecoveryRepository } from '../recovery.repository';

/** What a recovery link shows (§1.12): the live state and masked contacts. */
@Injectable()
export class RecoveryViewUseCase {
  constructor(private readonly recoveries: RecoveryRepository) {}

  async execute(token: string) {
    const found = await this.recoveries.find(token);
    if (!found.ok) return found;
    const rec = found.value;
    const view = await this.recoveries.steps.view(rec, recoveryStateQuery);
    return success({ ...view, emailMasked: maskEmail(rec.user.login as Email), phoneMasked: maskPhone(rec.user.phone as Phone) });
  }
}

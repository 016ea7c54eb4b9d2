import { Inject, Injectable } from '@nestjs/common';
import { success } from '@domain/refusal';
import { maskEmail, maskPhone, type Email, type Phone } from '@domain/values';
import type { SharedEnv } from '@infra/config/env.schema';
import { ENV } from '@infra/tokens';
import { registrationStateQuery } from '@workflows/registration/registration.messages';
import { RegistrationRepository } from '../registration.repository';

/** What the invitee's link shows (§1.5): the live state, masked contacts, the code's lifetime and cooldown. */
@Injectable()
export class RegistrationViewUseCase {
  constructor(
    private readonly registrations: RegistrationRepository,
    @Inject(ENV) private readonly env: SharedEnv,
  ) {}

  async execute(token: string) {
    const found = await this.registrations.find(token);
    if (!found.ok) return found;
    const reg = found.value;
    const view = await this.registrations.steps.view(reg, registrationStateQuery);
    return success({
      ...view,
      emailMasked: maskEmail(reg.user.login as Email),
      phoneMasked: maskPhone(reg.user.phone as Phone),
      codeTtlSeconds: this.env.CODE_TTL_MS / 1000,
      resendCooldownSeconds: this.env.CODE_RESEND_COOLDOWN_MS / 1000,
    });
  }
}

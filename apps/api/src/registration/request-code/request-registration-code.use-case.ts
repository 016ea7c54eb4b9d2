import { Injectable } from '@nestjs/common';
import { success, type Outcome } from '@domain/refusal';
import { requestCodeUpdate } from '@workflows/registration/registration.messages';
import { RegistrationRepository } from '../registration.repository';

/** §1.7: the workflow sends the SMS code, or refuses (cooldown 429, ended 409). */
@Injectable()
export class RequestRegistrationCodeUseCase {
  constructor(private readonly registrations: RegistrationRepository) {}

  async execute(token: string): Promise<Outcome<{ codeExpiresAt: string; resendAvailableAt: string }>> {
    const found = await this.registrations.find(token);
    if (!found.ok) return found;
    const sent = await this.registrations.update(found.value, requestCodeUpdate, []);
    if (!sent.ok) return sent;
    return success({ codeExpiresAt: sent.value.codeExpiresAt, resendAvailableAt: sent.value.resendAvailableAt });
  }
}

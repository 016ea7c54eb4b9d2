import { Injectable } from '@nestjs/common';
import { refused, success, type Outcome } from '@domain/refusal';
import { OneTimeCodes } from '@infra/codes/one-time-codes';
import { checkCodeUpdate } from '@workflows/registration/registration.messages';
import { RegistrationRepository } from '../registration.repository';

/**
 * §1.7: the code is checked here against its HMAC and only the verdict goes to the
 * workflow, which counts the attempts; a wrong code is REGISTRATION.WRONG_CODE (400).
 */
@Injectable()
export class VerifyRegistrationCodeUseCase {
  constructor(
    private readonly registrations: RegistrationRepository,
    private readonly codes: OneTimeCodes,
  ) {}

  async execute(token: string, code: string): Promise<Outcome<{ status: 'CODE_VERIFIED' }>> {
    const found = await this.registrations.find(token);
    if (!found.ok) return found;
    const reg = found.value;
    const verdict = await this.codes.check(reg.workflowId, code);
    if (!verdict) return refused(this.registrations.steps.noCode(reg.status));
    const result = await this.registrations.update(reg, checkCodeUpdate, [verdict]);
    if (!result.ok) return result;
    if (result.value.status === 'CODE_VERIFIED') return success({ status: 'CODE_VERIFIED' as const });
    return refused(this.registrations.steps.wrongCode(result.value));
  }
}

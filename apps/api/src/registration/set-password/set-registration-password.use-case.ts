import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { refused, success } from '@domain/refusal';
import { passwordSetUpdate, registrationStateQuery } from '@workflows/registration/registration.messages';
import { PasswordRules } from '../../auth/protection/password-rules.service';
import { RegistrationRepository } from '../registration.repository';

/**
 * §1.7, §1.10: after the code, the password — every unmet rule at once (PASSWORD.POLICY).
 * Its hash is stored here and the workflow only learns that it was set, then activates the user.
 */
@Injectable()
export class SetRegistrationPasswordUseCase {
  constructor(
    private readonly registrations: RegistrationRepository,
    private readonly rules: PasswordRules,
    private readonly temporal: Client,
  ) {}

  async execute(token: string, password: string) {
    const found = await this.registrations.find(token);
    if (!found.ok) return found;
    const reg = found.value;
    const view = await this.temporal.workflow.getHandle(reg.workflowId).query(registrationStateQuery);
    if (view.status !== 'CODE_VERIFIED') return refused(this.registrations.steps.notVerified(view.status));
    const hashed = await this.rules.acceptableHash({ id: reg.userId, login: reg.user.login }, password, 'password');
    if (!hashed.ok) return hashed;
    await this.registrations.storePassword(reg, hashed.value);
    const result = await this.registrations.update(reg, passwordSetUpdate, []);
    if (!result.ok) return result;
    return success({ userId: reg.userId, login: reg.user.login, status: result.value.status });
  }
}

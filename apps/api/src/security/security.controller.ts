import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DEFAULT_PASSWORD_POLICY } from '../../../../libs/domain/src/password-policy';
import { ENV } from '../../../../libs/infra/src/tokens';
import type { ApiEnv } from '../config/api-env';

/** §1.11: the bank tells users how long codes, links and sessions stay valid. */
@ApiTags('security')
@Controller('v1/security')
export class SecurityController {
  constructor(@Inject(ENV) private readonly env: ApiEnv) {}

  @Get('parameters')
  parameters() {
    return {
      registrationLinkTtlSeconds: this.env.REGISTRATION_LINK_TTL_MS / 1000,
      codeTtlSeconds: this.env.CODE_TTL_MS / 1000,
      codeResendCooldownSeconds: this.env.CODE_RESEND_COOLDOWN_MS / 1000,
      maxCodeAttempts: this.env.CODE_MAX_ATTEMPTS,
      passwordPolicy: DEFAULT_PASSWORD_POLICY,
    };
  }
}

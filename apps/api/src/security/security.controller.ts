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
      subUserOperatorDecisionTtlSeconds: this.env.SUB_USER_OPERATOR_TTL_MS / 1000,
      sessionIdleTtlSeconds: this.env.SESSION_IDLE_TTL_MS / 1000,
      sessionAbsoluteTtlSeconds: this.env.SESSION_ABSOLUTE_TTL_MS / 1000,
      recoveryLinkTtlSeconds: this.env.REGISTRATION_LINK_TTL_MS / 1000,
      paymentConfirmationTtlSeconds: this.env.PAYMENT_CONFIRMATION_TTL_MS / 1000,
      paymentCutOff: { time: `${String(Math.floor(this.env.PAYMENT_CUT_OFF / 60)).padStart(2, '0')}:${String(this.env.PAYMENT_CUT_OFF % 60).padStart(2, '0')}`, timeZone: 'Asia/Almaty' },
      login: {
        maxPasswordFailures: this.env.LOGIN_MAX_FAILURES,
        maxCodeFailures: this.env.LOGIN_CODE_MAX_FAILURES,
        lockSeconds: this.env.LOGIN_LOCK_MS / 1000,
        maxLockSeconds: this.env.LOGIN_LOCK_MAX_MS / 1000,
        codeSendLimit: this.env.LOGIN_CODE_SEND_LIMIT,
        codeSendWindowSeconds: this.env.LOGIN_CODE_SEND_WINDOW_MS / 1000,
      },
      passwordPolicy: DEFAULT_PASSWORD_POLICY,
    };
  }
}

import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { SecurityParametersDto } from './security-parameters.dto';
import { DEFAULT_PASSWORD_POLICY } from '@domain/password-policy';
import { ENV } from '@infra/tokens';
import type { ApiEnv } from '../../config/api-env';

/** §1.11: the bank tells users how long codes, links and sessions stay valid. */
@ApiTags('security')
@Controller('v1/security')
export class SecurityParametersController {
  constructor(@Inject(ENV) private readonly env: ApiEnv) {}

  @ApiOperation({ summary: 'Lifetimes, limits and the password policy in force (§1.11)' })
  @ZodResponse({ status: 200, type: SecurityParametersDto })
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
      // A session's last use is recorded at most this often and idle expiry counts from the
      // recorded time: left unused, a session ends between idle − this and idle seconds after
      // its last use, never later (libs/domain/src/auth/session-activity.ts).
      sessionTouchIntervalSeconds: this.env.SESSION_TOUCH_INTERVAL_MS / 1000,
      recoveryLinkTtlSeconds: this.env.REGISTRATION_LINK_TTL_MS / 1000,
      paymentConfirmationTtlSeconds: this.env.PAYMENT_CONFIRMATION_TTL_MS / 1000,
      paymentCutOff: {
        time: `${String(Math.floor(this.env.PAYMENT_CUT_OFF / 60)).padStart(2, '0')}:${String(this.env.PAYMENT_CUT_OFF % 60).padStart(2, '0')}`,
        timeZone: 'Asia/Almaty',
      },
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

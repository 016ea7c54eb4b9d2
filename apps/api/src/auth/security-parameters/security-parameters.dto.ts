import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const seconds = () => z.number().nonnegative();

export class SecurityParametersDto extends createZodDto(
  z
    .object({
      registrationLinkTtlSeconds: seconds(),
      codeTtlSeconds: seconds(),
      codeResendCooldownSeconds: seconds(),
      maxCodeAttempts: z.int(),
      subUserOperatorDecisionTtlSeconds: seconds(),
      sessionIdleTtlSeconds: seconds(),
      sessionAbsoluteTtlSeconds: seconds(),
      sessionTouchIntervalSeconds: seconds(),
      recoveryLinkTtlSeconds: seconds(),
      paymentConfirmationTtlSeconds: seconds(),
      paymentCutOff: z.object({ time: z.string().regex(/^\d\d:\d\d$/), timeZone: z.string() }),
      login: z.object({
        maxPasswordFailures: z.int(),
        maxCodeFailures: z.int(),
        lockSeconds: seconds(),
        maxLockSeconds: seconds(),
        codeSendLimit: z.int(),
        codeSendWindowSeconds: seconds(),
      }),
      passwordPolicy: z.object({
        minLength: z.int(),
        maxLength: z.int(),
        requireUpper: z.boolean(),
        requireLower: z.boolean(),
        requireDigit: z.boolean(),
        requireSymbol: z.boolean(),
        historySize: z.int(),
      }),
    })
    .meta({
      examples: [
        {
          registrationLinkTtlSeconds: 259200,
          codeTtlSeconds: 300,
          codeResendCooldownSeconds: 60,
          maxCodeAttempts: 5,
          subUserOperatorDecisionTtlSeconds: 86400,
          sessionIdleTtlSeconds: 900,
          sessionAbsoluteTtlSeconds: 43200,
          sessionTouchIntervalSeconds: 60,
          recoveryLinkTtlSeconds: 259200,
          paymentConfirmationTtlSeconds: 86400,
          paymentCutOff: { time: '16:00', timeZone: 'Asia/Almaty' },
          login: { maxPasswordFailures: 5, maxCodeFailures: 10, lockSeconds: 900, maxLockSeconds: 86400, codeSendLimit: 5, codeSendWindowSeconds: 3600 },
          passwordPolicy: { minLength: 10, maxLength: 128, requireUpper: true, requireLower: true, requireDigit: true, requireSymbol: true, historySize: 5 },
        },
      ],
    }),
) {}

import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { RecoveryStatus } from '@domain/auth/recovery';
import { instant } from '../../openapi/schemas';

const RECOVERY_STATUSES = ['LINK_SENT', 'CODE_SENT', 'CODE_VERIFIED', 'COMPLETED', 'EXPIRED', 'LOCKED', 'CANCELLED'] as const satisfies readonly RecoveryStatus[];
const recoveryStatus = z.enum(RECOVERY_STATUSES).meta({ id: 'RecoveryStatus' });

export class RecoveryRequestedDto extends createZodDto(z.object({ linkTtlSeconds: z.number() }).meta({ examples: [{ linkTtlSeconds: 259200 }] })) {}

export class RecoveryViewDto extends createZodDto(
  z
    .object({
      emailMasked: z.string(),
      phoneMasked: z.string(),
      status: recoveryStatus,
      expiresAt: instant(),
      codeExpiresAt: instant().nullable(),
      resendAvailableAt: instant().nullable(),
      attemptsLeft: z.int().optional().meta({ description: 'Absent once the recovery has ended.' }),
      codesIssued: z.int().optional(),
    })
    .meta({
      examples: [
        {
          emailMasked: 'a***@dala.kz',
          phoneMasked: '+7 701 *** ** 67',
          status: 'LINK_SENT',
          expiresAt: '2026-12-04T06:00:00.000Z',
          codeExpiresAt: null,
          resendAvailableAt: null,
          attemptsLeft: 5,
          codesIssued: 0,
        },
      ],
    }),
) {}

export class RecoveryDoneDto extends createZodDto(z.object({ status: recoveryStatus }).meta({ examples: [{ status: 'COMPLETED' }] })) {}

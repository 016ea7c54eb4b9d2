import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { RegistrationStatus } from '@domain/registration/registration.types';
import { instant } from '../../openapi/schemas';

export const REGISTRATION_STATUSES = [
  'INVITED',
  'CODE_SENT',
  'CODE_VERIFIED',
  'ACTIVE',
  'EXPIRED',
  'LOCKED',
  'CANCELLED',
] as const satisfies readonly RegistrationStatus[];

const registrationStatus = z.enum(REGISTRATION_STATUSES).meta({ id: 'RegistrationStatus' });

export class RegistrationViewDto extends createZodDto(
  z
    .object({
      emailMasked: z.string(),
      phoneMasked: z.string(),
      codeTtlSeconds: z.number(),
      resendCooldownSeconds: z.number(),
      status: registrationStatus,
      expiresAt: instant(),
      codeExpiresAt: instant().nullable(),
      resendAvailableAt: instant().nullable(),
      attemptsLeft: z.int().optional().meta({ description: 'Absent once the registration has ended.' }),
      codesIssued: z.int().optional(),
    })
    .meta({
      examples: [
        {
          emailMasked: 'a***@dala.kz',
          phoneMasked: '+7 701 *** ** 67',
          codeTtlSeconds: 300,
          resendCooldownSeconds: 60,
          status: 'CODE_SENT',
          expiresAt: '2026-12-04T06:00:00.000Z',
          codeExpiresAt: '2026-12-01T06:05:00.000Z',
          resendAvailableAt: '2026-12-01T06:01:00.000Z',
          attemptsLeft: 5,
          codesIssued: 1,
        },
      ],
    }),
) {}

/** A code went out by SMS. */
export class CodeSentDto extends createZodDto(
  z
    .object({ codeExpiresAt: instant(), resendAvailableAt: instant() })
    .meta({ examples: [{ codeExpiresAt: '2026-12-01T06:05:00.000Z', resendAvailableAt: '2026-12-01T06:01:00.000Z' }] }),
) {}

export class CodeVerifiedDto extends createZodDto(z.object({ status: z.literal('CODE_VERIFIED') }).meta({ examples: [{ status: 'CODE_VERIFIED' }] })) {}

export class RegisteredDto extends createZodDto(
  z
    .object({ userId: z.string(), login: z.string(), status: registrationStatus })
    .meta({ examples: [{ userId: '0b6c3f5e-9d7a-4a10-8e7b-5b1f7c2d9e41', login: 'aigerim@dala.kz', status: 'ACTIVE' }] }),
) {}

export class ReinvitedDto extends createZodDto(
  z
    .object({ userId: z.string(), invitationNo: z.int(), status: z.literal('INVITED') })
    .meta({ examples: [{ userId: '0b6c3f5e-9d7a-4a10-8e7b-5b1f7c2d9e41', invitationNo: 2, status: 'INVITED' }] }),
) {}

import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ACCESS_LEVELS, USER_STATUSES } from '@domain/access-level';
import type { ApplicationStatus } from '@workflows/onboarding/onboarding.messages';
import { REGISTRATION_STATUSES } from '../../registration/dto/registration-responses.dto';
import { instant } from '../../openapi/schemas';

export const APPLICATION_STATUSES = [
  'AWAITING_SIGNATURE',
  'AWAITING_ACCEPTANCE',
  'INVITING',
  'COMPLETED',
  'CANCELLED',
] as const satisfies readonly ApplicationStatus[];
const applicationStatus = z.enum(APPLICATION_STATUSES).meta({ id: 'ApplicationStatus' });
const ID = '5a7e2c1b-8d4f-4b3a-9c6e-1f2a3b4c5d6e';

export class ApplicationCreatedDto extends createZodDto(
  z
    .object({ applicationId: z.uuid(), partnerId: z.string(), status: z.literal('AWAITING_SIGNATURE') })
    .meta({ examples: [{ applicationId: ID, partnerId: '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', status: 'AWAITING_SIGNATURE' }] }),
) {}

export class ApplicationStatusChangeDto extends createZodDto(z.object({ status: applicationStatus }).meta({ examples: [{ status: 'AWAITING_ACCEPTANCE' }] })) {}

/** Dates leave as ISO 8601 strings (the service returns Date objects; JSON writes them so). */
export class ApplicationDto extends createZodDto(
  z
    .object({
      applicationId: z.string(),
      partnerId: z.string(),
      partner: z.object({ bin: z.string(), name: z.string() }),
      status: applicationStatus,
      signedAt: instant().nullable(),
      acceptedAt: instant().nullable(),
      completedAt: instant().nullable(),
      accounts: z.array(z.string()),
      users: z.array(
        z.object({
          userId: z.string(),
          fullName: z.string(),
          emailMasked: z.string(),
          phoneMasked: z.string(),
          accessLevel: z.enum(ACCESS_LEVELS),
          status: z.enum(USER_STATUSES),
          registration: z.object({ status: z.enum(REGISTRATION_STATUSES), invitationNo: z.int(), expiresAt: instant() }).nullable(),
        }),
      ),
    })
    .meta({
      examples: [
        {
          applicationId: ID,
          partnerId: '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
          partner: { bin: '180340021791', name: 'ТОО «Дала Трейд»' },
          status: 'COMPLETED',
          signedAt: '2026-12-01T06:00:00.000Z',
          acceptedAt: '2026-12-01T06:01:00.000Z',
          completedAt: '2026-12-01T06:01:02.000Z',
          accounts: ['KZ86125KZT5004100100'],
          users: [
            {
              userId: '0b6c3f5e-9d7a-4a10-8e7b-5b1f7c2d9e41',
              fullName: 'Айгерим Нурланова',
              emailMasked: 'a***@dala.kz',
              phoneMasked: '+7 701 *** ** 67',
              accessLevel: 'FULL_ACCESS',
              status: 'INVITED',
              registration: { status: 'INVITED', invitationNo: 1, expiresAt: '2026-12-04T06:01:02.000Z' },
            },
          ],
        },
      ],
    }),
) {}

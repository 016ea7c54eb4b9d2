import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ACCESS_LEVELS, USER_STATUSES } from '@domain/access-level';
import type { SubUserCheckFailure } from '@domain/sub-user-request/sub-user-request-checks.rules';
import { instant, nullableString, page } from '../../openapi/schemas';
import { REGISTRATION_STATUSES } from '../../registration/dto/registration-responses.dto';
import { SUB_USER_REQUEST_STATUSES } from './sub-users.dto';

export const requestStatus = z.enum(SUB_USER_REQUEST_STATUSES).meta({ id: 'SubUserRequestStatus' });
const CHECK_FAILURES = ['LOGIN_TAKEN', 'PHONE_INVALID', 'PARTNER_NOT_ACTIVE', 'USER_LIMIT_REACHED'] as const satisfies readonly SubUserCheckFailure[];
export const REQUEST_ID = '2c4e6a8b-1d3f-4a5b-8c7d-9e0f1a2b3c4d';
export const USER_ID = '0b6c3f5e-9d7a-4a10-8e7b-5b1f7c2d9e41';

/** Who refused and why; a refusal by the bank's checks reads BANK_CHECKS_FAILED to the creator (issue 12). */
export const rejection = z
  .discriminatedUnion('by', [
    z.object({ by: z.literal('OPERATOR'), code: z.null(), reason: z.string() }),
    z.object({ by: z.literal('BANK_CHECKS'), code: z.enum([...CHECK_FAILURES, 'BANK_CHECKS_FAILED']), reason: z.string() }),
  ])
  .nullable();

const user = z
  .object({
    userId: z.string(),
    fullName: z.string(),
    login: z.string(),
    phoneMasked: z.string(),
    accessLevel: z.enum(ACCESS_LEVELS),
    status: z.enum(USER_STATUSES),
    origin: z.enum(['APPLICATION', 'CABINET']).meta({ description: 'APPLICATION: listed in the signed application; CABINET: added by a user (§1.8).' }),
    createdAt: instant(),
    activatedAt: instant().nullable(),
  })
  .meta({
    id: 'User',
    examples: [
      {
        userId: USER_ID,
        fullName: 'Айгерим Нурланова',
        login: 'aigerim@dala.kz',
        phoneMasked: '+7 701 *** ** 67',
        accessLevel: 'FULL_ACCESS',
        status: 'ACTIVE',
        origin: 'APPLICATION',
        createdAt: '2026-12-01T06:00:00.000Z',
        activatedAt: '2026-12-01T06:10:00.000Z',
      },
    ],
  });

export class UserPageDto extends createZodDto(page(user)) {}

export class SubUserRequestCreatedDto extends createZodDto(
  z
    .object({ requestId: z.uuid(), status: z.literal('AWAITING_CONFIRMATION'), codeExpiresAt: instant().nullable(), accessLevel: z.enum(ACCESS_LEVELS) })
    .meta({ examples: [{ requestId: REQUEST_ID, status: 'AWAITING_CONFIRMATION', codeExpiresAt: '2026-12-01T06:05:00.000Z', accessLevel: 'CREATE_AND_VIEW' }] }),
) {}

export class SubUserRequestConfirmedDto extends createZodDto(z.object({ status: requestStatus }).meta({ examples: [{ status: 'BANK_PROCESSING' }] })) {}

export class SubUserRequestDto extends createZodDto(
  z
    .object({
      requestId: z.string(),
      status: requestStatus,
      creatorId: z.string(),
      fullName: z.string(),
      email: z.string(),
      phoneMasked: z.string(),
      accessLevel: z.enum(ACCESS_LEVELS),
      requestedAccessLevel: z.enum(ACCESS_LEVELS),
      codeExpiresAt: instant().nullable(),
      attemptsLeft: z.int().nullable(),
      reviewFlags: z.array(z.string()).meta({ description: '`BANK_REVIEW` while the bank reviews the request by hand; the reasons are the bank’s.' }),
      operatorDecisionDeadline: instant().nullable(),
      rejection,
      cancelReason: nullableString(),
      newUser: z.object({ userId: z.string(), status: z.enum(USER_STATUSES), registrationStatus: z.enum(REGISTRATION_STATUSES).nullable() }).nullable(),
      createdAt: instant(),
      updatedAt: instant(),
      finishedAt: instant().nullable(),
    })
    .meta({
      examples: [
        {
          requestId: REQUEST_ID,
          status: 'INVITED',
          creatorId: USER_ID,
          fullName: 'Данияр Сериков',
          email: 'daniyar@dala.kz',
          phoneMasked: '+7 701 *** ** 34',
          accessLevel: 'CREATE_AND_VIEW',
          requestedAccessLevel: 'CREATE_AND_VIEW',
          codeExpiresAt: null,
          attemptsLeft: null,
          reviewFlags: [],
          operatorDecisionDeadline: null,
          rejection: null,
          cancelReason: null,
          newUser: { userId: '6e5d4c3b-2a19-4f08-8e7d-6c5b4a392817', status: 'INVITED', registrationStatus: 'INVITED' },
          createdAt: '2026-12-01T06:00:00.000Z',
          updatedAt: '2026-12-01T06:01:00.000Z',
          finishedAt: null,
        },
      ],
    }),
) {}

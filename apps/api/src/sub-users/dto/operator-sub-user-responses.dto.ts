import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ACCESS_LEVELS, USER_STATUSES } from '@domain/access-level';
import { instant, page } from '../../openapi/schemas';
import { rejection, REQUEST_ID, requestStatus, USER_ID } from './sub-user-responses.dto';

export class SubUserRequestDecisionDto extends createZodDto(
  z.object({ requestId: z.string(), status: requestStatus }).meta({ examples: [{ requestId: REQUEST_ID, status: 'INVITED' }] }),
) {}

/** The operator's view: the true check failure, the unmasked phone, the partner. */
const operatorRequest = z
  .object({
    requestId: z.string(),
    status: requestStatus,
    partner: z.object({ partnerId: z.string(), bin: z.string(), name: z.string() }),
    creatorId: z.string(),
    fullName: z.string(),
    email: z.string(),
    phone: z.string(),
    accessLevel: z.enum(ACCESS_LEVELS),
    requestedAccessLevel: z.enum(ACCESS_LEVELS),
    reviewFlags: z.array(z.string()),
    phoneHolders: z
      .array(
        z.object({
          userId: z.string(),
          fullName: z.string(),
          status: z.enum(USER_STATUSES),
          partner: z.object({ partnerId: z.string(), bin: z.string(), name: z.string() }),
        }),
      )
      .meta({ description: 'With PHONE_IN_USE: the users who hold this phone now, of any partner. Operators only; the creator reads `BANK_REVIEW`.' }),
    operatorDecisionDeadline: instant().nullable().meta({ description: 'Until when an operator may decide (AWAITING_OPERATOR); then the request expires.' }),
    operatorId: z.string().nullable(),
    rejectReason: z.string().nullable(),
    rejection,
    cancelReason: z.string().nullable(),
    newUserId: z.string().nullable(),
    createdAt: instant(),
    updatedAt: instant(),
  })
  .meta({
    id: 'OperatorSubUserRequest',
    examples: [
      {
        requestId: REQUEST_ID,
        status: 'AWAITING_OPERATOR',
        partner: { partnerId: '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', bin: '180340021791', name: 'ТОО «Дала Трейд»' },
        creatorId: USER_ID,
        fullName: 'Данияр Сериков',
        email: 'daniyar@dala.kz',
        phone: '+77011234567',
        accessLevel: 'CREATE_AND_VIEW',
        requestedAccessLevel: 'CREATE_AND_VIEW',
        reviewFlags: ['PHONE_IN_USE'],
        phoneHolders: [
          {
            userId: '3f2e1d0c-9b8a-4766-8554-433221100ffe',
            fullName: 'Ерлан Абенов',
            status: 'ACTIVE',
            partner: { partnerId: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d', bin: '050140000656', name: 'ТОО «Алтын Жол»' },
          },
        ],
        operatorDecisionDeadline: '2026-12-04T06:01:00.000Z',
        operatorId: null,
        rejectReason: null,
        rejection: null,
        cancelReason: null,
        newUserId: null,
        createdAt: '2026-12-01T06:00:00.000Z',
        updatedAt: '2026-12-01T06:01:00.000Z',
      },
    ],
  });

export class OperatorSubUserRequestPageDto extends createZodDto(page(operatorRequest)) {}

import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ACCESS_LEVELS, USER_STATUSES } from '@domain/access-level';
import { PERMISSIONS } from '@domain/permissions';
import { instant } from '../../openapi/schemas';

const USER_ID = '0b6c3f5e-9d7a-4a10-8e7b-5b1f7c2d9e41';
const PARTNER_ID = '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

/** A new session: send `sessionKey` as `Authorization: Bearer <sessionKey>`. */
export class SessionDto extends createZodDto(
  z
    .object({
      sessionKey: z.string().meta({ description: 'Opaque bearer token (43 characters, base64url); not a JWT.' }),
      expiresAt: instant(),
      user: z.object({
        userId: z.string(),
        login: z.string(),
        fullName: z.string(),
        partnerId: z.string(),
        accessLevel: z.enum(ACCESS_LEVELS),
        status: z.literal('ACTIVE'),
      }),
    })
    .meta({
      examples: [
        {
          sessionKey: 'q3vJ0x7f9K2mLw8sT1bYc4dRn6pZa5eHg0uVi3oXk2E',
          expiresAt: '2026-12-01T18:00:00.000Z',
          user: { userId: USER_ID, login: 'aigerim@dala.kz', fullName: 'Айгерим Нурланова', partnerId: PARTNER_ID, accessLevel: 'FULL_ACCESS', status: 'ACTIVE' },
        },
      ],
    }),
) {}

export class MeDto extends createZodDto(
  z
    .object({
      user: z.object({
        userId: z.string(),
        login: z.string(),
        fullName: z.string(),
        phoneMasked: z.string(),
        language: z.enum(['kk', 'ru']),
        status: z.enum(USER_STATUSES),
      }),
      partner: z.object({ partnerId: z.string(), bin: z.string(), name: z.string() }),
      accessLevel: z.enum(ACCESS_LEVELS),
      permissions: z.array(z.enum(PERMISSIONS)).readonly(),
      session: z.object({ method: z.enum(['PASSWORD', 'CODE']), openedAt: instant(), expiresAt: instant() }),
    })
    .meta({
      examples: [
        {
          user: { userId: USER_ID, login: 'aigerim@dala.kz', fullName: 'Айгерим Нурланова', phoneMasked: '+7 701 *** ** 67', language: 'kk', status: 'ACTIVE' },
          partner: { partnerId: PARTNER_ID, bin: '180340021791', name: 'ТОО «Дала Трейд»' },
          accessLevel: 'FULL_ACCESS',
          permissions: ['PROFILE_VIEW', 'PAYMENT_VIEW', 'PAYMENT_CONFIRM'],
          session: { method: 'PASSWORD', openedAt: '2026-12-01T06:00:00.000Z', expiresAt: '2026-12-01T18:00:00.000Z' },
        },
      ],
    }),
) {}

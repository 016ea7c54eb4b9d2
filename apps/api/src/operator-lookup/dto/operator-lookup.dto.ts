import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ACCESS_LEVELS, USER_STATUSES } from '@domain/access-level';
import { binIinSchema, emailSchema, phoneSchema } from '@domain/values';
import { APPLICATION_STATUSES } from '../../applications/dto/application-responses.dto';
import { maskedContact } from '../../common/masked-contact';
import { instant, page } from '../../openapi/schemas';
import { pageShape } from '../../payments/dto/payment.dto';
import { SUB_USER_REQUEST_STATUSES } from '../../sub-users/dto/sub-users.dto';

const KEYS = ['bin', 'email', 'phone'] as const;

/**
 * Exactly one of BIN, e-mail or phone, normalised as at registration (the domain's parsers:
 * e-mail trimmed and lower-cased, phone to E.164 from any common spelling).
 */
export class OperatorLookupQuery extends createZodDto(
  z
    .object({ bin: binIinSchema.optional(), email: emailSchema.optional(), phone: phoneSchema.optional(), cursor: pageShape.cursor, limit: pageShape.limit })
    .strict()
    .superRefine((q, ctx) => {
      const given = KEYS.filter((k) => q[k] !== undefined);
      if (given.length === 0) ctx.addIssue({ code: 'custom', path: ['bin'], message: 'give one of bin, email or phone' });
      for (const key of given.slice(1)) ctx.addIssue({ code: 'custom', path: [key], message: `give only one of bin, email or phone (${given[0]} is given)` });
    }),
) {}

const PARTNER_ID = '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const partnerRef = z.object({ partnerId: z.string(), bin: z.string(), name: z.string() });
const REF = { partnerId: PARTNER_ID, bin: '180340021791', name: 'ТОО «Дала Трейд»' };

const match = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('PARTNER'),
      partnerId: z.string(),
      bin: z.string(),
      name: z.string(),
      status: z.enum(['ACTIVE', 'SUSPENDED']),
      createdAt: instant(),
    }),
    z.object({ type: z.literal('APPLICATION'), applicationId: z.string(), partner: partnerRef, status: z.enum(APPLICATION_STATUSES), createdAt: instant() }),
    z.object({
      type: z.literal('USER'),
      userId: z.string(),
      partner: partnerRef,
      applicationId: z.string().nullable(),
      fullName: z.string(),
      emailMasked: z.string(),
      phoneMasked: z.string(),
      accessLevel: z.enum(ACCESS_LEVELS),
      status: z.enum(USER_STATUSES),
      origin: z.enum(['APPLICATION', 'CABINET']),
      createdAt: instant(),
    }),
    z.object({
      type: z.literal('SUB_USER_REQUEST'),
      requestId: z.string(),
      partner: partnerRef,
      fullName: z.string(),
      emailMasked: z.string(),
      phoneMasked: z.string(),
      status: z.enum(SUB_USER_REQUEST_STATUSES),
      newUserId: z.string().nullable(),
      createdAt: instant(),
    }),
  ])
  .meta({
    id: 'OperatorLookupMatch',
    description: 'A partner (by BIN) with its applications, or the users and sub-user requests with that e-mail or phone.',
    examples: [
      {
        type: 'USER',
        userId: '0b6c3f5e-9d7a-4a10-8e7b-5b1f7c2d9e41',
        partner: REF,
        applicationId: '5a7e2c1b-8d4f-4b3a-9c6e-1f2a3b4c5d6e',
        fullName: 'Айгерим Нурланова',
        ...maskedContact({ email: 'aigerim@dala.kz', phone: '+77012344567' }),
        accessLevel: 'FULL_ACCESS',
        status: 'ACTIVE',
        origin: 'APPLICATION',
        createdAt: '2026-12-01T06:00:00.000Z',
      },
    ],
  });

export type OperatorLookupMatch = z.infer<typeof match>;

export class OperatorLookupPageDto extends createZodDto(page(match)) {}

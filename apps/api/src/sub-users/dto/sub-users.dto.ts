import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ACCESS_LEVELS } from '../../../../../libs/domain/src/access-level';
import { emailSchema, phoneSchema } from '../../../../../libs/domain/src/values';
import { codeSchema } from '../../registration/dto/registration.dto';

export const SUB_USER_REQUEST_STATUSES = [
  'AWAITING_CONFIRMATION',
  'BANK_PROCESSING',
  'AWAITING_OPERATOR',
  'INVITED',
  'COMPLETED',
  'REJECTED',
  'EXPIRED',
  'CANCELLED',
] as const;

/** §1.8.1: the new user's full name, e-mail (the login-to-be, §1.6) and mobile phone. */
export class CreateSubUserDto extends createZodDto(
  z
    .object({
      fullName: z.string().trim().min(2, 'at least 2 characters').max(200, 'at most 200 characters'),
      email: emailSchema,
      phone: phoneSchema,
      /** May be asked; a user created in the cabinet gets at most CREATE_AND_VIEW all the same (§1.3, §1.9). */
      accessLevel: z.enum(ACCESS_LEVELS).optional(),
      /** The new user's messages; the creator's language when absent. */
      language: z.enum(['kk', 'ru']).optional(),
    })
    .strict(),
) {}

/** §1.8.2: the code from the SMS on the creator's phone. */
export class ConfirmSubUserDto extends createZodDto(z.object({ code: codeSchema }).strict()) {}

export class RejectSubUserDto extends createZodDto(
  z.object({ reason: z.string().trim().min(1, 'required').max(1000, 'at most 1000 characters') }).strict(),
) {}

export class ListSubUserRequestsQuery extends createZodDto(
  z
    .object({
      status: z.enum(SUB_USER_REQUEST_STATUSES).optional(),
      partnerId: z.uuid().optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    })
    .strict(),
) {}

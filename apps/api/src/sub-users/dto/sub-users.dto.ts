import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { capAccessLevel } from '@domain/access-level';
import { emailSchema, personNameSchema, phoneSchema, textSchema } from '@domain/values';
import { REJECTION_REASON_RULES } from '@domain/sub-user-request';
import { pageShape } from '../../payments/dto/payment.dto';
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
      // Goes into the new user's e-mail and the operator's queue: the one text policy (issue 12).
      fullName: personNameSchema,
      email: emailSchema,
      phone: phoneSchema,
      /**
       * Not in the contract's body (api.md); accepted only as what the user will get. A user
       * created in the cabinet gets create-and-view (§1.3, §1.9): asking for more is refused,
       * never silently lowered.
       */
      accessLevel: z
        // The most a cabinet-created user can have, as the domain says (capAccessLevel).
        .literal(capAccessLevel('FULL_ACCESS', 'CABINET'), {
          error: 'A user added in the cabinet gets CREATE_AND_VIEW only (§1.3, §1.9); full access is granted by the bank through an application.',
        })
        .optional(),
      /** The new user's messages; the creator's language when absent. */
      language: z.enum(['kk', 'ru']).optional(),
    })
    .strict(),
) {}

/** §1.8.2: the code from the SMS on the creator's phone. */
export class ConfirmSubUserDto extends createZodDto(z.object({ code: codeSchema }).strict()) {}

export class RejectSubUserDto extends createZodDto(z.object({ reason: textSchema(REJECTION_REASON_RULES) }).strict()) {}

export class ListSubUserRequestsQuery extends createZodDto(
  z
    .object({
      status: z.enum(SUB_USER_REQUEST_STATUSES).optional(),
      partnerId: z.uuid().optional(),
      cursor: pageShape.cursor,
      limit: z.coerce.number().int().min(1).max(200).default(50),
    })
    .strict(),
) {}

import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { TEXT_LIMITS, textSchema } from '@domain/values';

/** The text policy (issue 12): kept in the audit trail and shown to operators as written. */
const reason = textSchema({ label: 'Reason', min: 3, max: TEXT_LIMITS.reason });

/** §1.14: the bank blocks a user with a reason, kept in the audit trail. */
export class BlockUserDto extends createZodDto(z.object({ reason }).strict()) {}

/** The reason is optional when unblocking (api.md names none), but recorded when given. */
export class UnblockUserDto extends createZodDto(z.object({ reason: reason.optional() }).strict().default({})) {}

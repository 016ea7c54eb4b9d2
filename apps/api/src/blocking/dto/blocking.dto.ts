import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const reason = z.string().trim().min(3, 'say why, in a few words').max(500, 'at most 500 characters');

/** §1.14: the bank blocks a user with a reason, kept in the audit trail. */
export class BlockUserDto extends createZodDto(z.object({ reason }).strict()) {}

/** The reason is optional when unblocking (api.md names none), but recorded when given. */
export class UnblockUserDto extends createZodDto(z.object({ reason: reason.optional() }).strict().default({})) {}

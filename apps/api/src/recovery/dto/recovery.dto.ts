import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { emailSchema } from '@domain/values';

export class RecoveryRequestDto extends createZodDto(z.object({ login: emailSchema }).strict()) {}

export class RecoveryCodeDto extends createZodDto(z.object({ code: z.string().regex(/^\d{6}$/, 'must be the 6-digit code from the SMS') }).strict()) {}

/** Length bounds only; every policy rule (§1.10) is the domain's, reported all at once. */
export class RecoveryPasswordDto extends createZodDto(z.object({ password: z.string().min(1, 'required').max(1024, 'too long') }).strict()) {}

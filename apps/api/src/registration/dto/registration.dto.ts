import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** Six digits, nothing else (§1.7). */
export const codeSchema = z.string().regex(/^\d{6}$/, 'must be the 6-digit code from the SMS');

export class VerifyCodeDto extends createZodDto(z.object({ code: codeSchema }).strict()) {}

/** Length bounds only; every policy rule (§1.10) is the domain's, reported all at once. */
export class SetPasswordDto extends createZodDto(z.object({ password: z.string().min(1, 'required').max(1024, 'too long') }).strict()) {}

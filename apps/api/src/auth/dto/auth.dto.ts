import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { emailSchema } from '@domain/values';

/** Length bounds only: what a password must be is the domain policy's to say, and a login attempt never explains. */
const password = z.string().min(1, 'required').max(1024, 'too long');
const code = z.string().regex(/^\d{6}$/, 'must be the 6-digit code from the SMS');

/** §1.17: the login is the user's e-mail, compared case-insensitively. */
export class LoginDto extends createZodDto(z.object({ login: emailSchema, password }).strict()) {}

export class CodeLoginDto extends createZodDto(z.object({ login: emailSchema }).strict()) {}

export class VerifyLoginCodeDto extends createZodDto(z.object({ code }).strict()) {}

export class ChangePasswordDto extends createZodDto(z.object({ currentPassword: password, newPassword: password }).strict()) {}

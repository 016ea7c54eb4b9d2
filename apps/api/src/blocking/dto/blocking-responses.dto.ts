import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { USER_STATUSES } from '@domain/access-level';

export class UserStatusDto extends createZodDto(
  z.object({ userId: z.string(), status: z.enum(USER_STATUSES) }).meta({ examples: [{ userId: '0b6c3f5e-9d7a-4a10-8e7b-5b1f7c2d9e41', status: 'BLOCKED' }] }),
) {}

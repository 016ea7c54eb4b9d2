import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { reasonTextSchema } from '@domain/values';

// The body is optional: a bare POST blocks or unblocks without a stated reason.
export const blockAccountSchema = z.preprocess(
  (body) => body ?? {},
  z.object({ reason: reasonTextSchema.optional().meta({ description: 'Why; kept in the audit trail, not shown to the partner.' }) }).strict(),
);

export class BlockAccountDto extends createZodDto(blockAccountSchema) {}

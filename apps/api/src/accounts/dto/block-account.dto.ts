import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

// The body is optional: a bare POST blocks or unblocks without a stated reason.
export const blockAccountSchema = z.preprocess(
  (body) => body ?? {},
  z
    .object({ reason: z.string().trim().min(1).max(500).optional().meta({ description: 'Why; kept in the audit trail, not shown to the partner.' }) })
    .strict(),
);

export class BlockAccountDto extends createZodDto(blockAccountSchema) {}

import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class ReceiptAcceptedDto extends createZodDto(
  z
    .object({ id: z.string(), channel: z.enum(['EMAIL', 'SMS']), status: z.literal('ACCEPTED') })
    .meta({ examples: [{ id: 'receipt-7d0f9c1e-3b0a-4c55-9a51-2b8f4a8e6d10-EMAIL', channel: 'EMAIL', status: 'ACCEPTED' }] }),
) {}

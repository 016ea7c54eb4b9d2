import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { instant, page } from '../../openapi/schemas';

const record = z
  .object({
    id: z.string().meta({ description: 'Decimal record id; ids grow with time.' }),
    occurredAt: instant(),
    actor: z.object({ type: z.string(), id: z.string().nullable() }),
    partnerId: z.string().nullable(),
    action: z.string(),
    target: z.object({ type: z.string().nullable(), id: z.string().nullable() }),
    outcome: z.enum(['SUCCESS', 'FAILURE', 'DENIED']),
    requestId: z.string().nullable(),
    clientAddress: z.string().nullable().meta({ description: 'Masked to the network (e.g. `203.0.113.*`) for partners.' }),
    details: z.unknown(),
  })
  .meta({
    id: 'AuditRecord',
    examples: [
      {
        id: '1042',
        occurredAt: '2026-12-01T06:05:00.000Z',
        actor: { type: 'USER', id: '0b6c3f5e-9d7a-4a10-8e7b-5b1f7c2d9e41' },
        partnerId: '9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
        action: 'payment.confirm',
        target: { type: 'PAYMENT', id: '7d0f9c1e-3b0a-4c55-9a51-2b8f4a8e6d10' },
        outcome: 'SUCCESS',
        requestId: '5f1c2d3e-4a5b-6c7d-8e9f-0a1b2c3d4e5f',
        clientAddress: '203.0.113.*',
        details: { version: 1 },
      },
    ],
  });

export class AuditPageDto extends createZodDto(page(record)) {}

import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');

/** Temporal's remote codec format: Payloads as proto3 JSON, bytes in base64. */
export const payloadsSchema = z.object({
  payloads: z
    .array(
      z.object({
        metadata: z.record(z.string().min(1).max(256), base64).optional(),
        data: base64.optional(),
      }),
    )
    .max(10_000)
    // Empty Payloads are `{}` in proto3 JSON (the temporal CLI sends them so).
    .default([]),
});

export class PayloadsDto extends createZodDto(payloadsSchema) {}

export class CodecSignInDto extends createZodDto(z.object({ token: z.string().min(1).max(512) }).strict()) {}

/** What encode and decode answer: the converted payloads, in order. */
export class PayloadsResultDto extends createZodDto(
  z
    .object({ payloads: z.array(z.object({ metadata: z.record(z.string(), z.string()).optional(), data: z.string().optional() })) })
    .meta({ examples: [{ payloads: [{ metadata: { encoding: 'anNvbi9wbGFpbg==' }, data: 'eyJhbW91bnQiOiIxNTAwLjUwIn0=' }] }] }),
) {}

export class CodecSessionDto extends createZodDto(
  z.object({ operatorId: z.string(), expiresAt: z.iso.datetime() }).meta({ examples: [{ operatorId: 'operator:aigerim', expiresAt: '2026-12-01T14:00:00.000Z' }] }),
) {}

import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class AliveDto extends createZodDto(z.object({ status: z.literal('ok') }).meta({ examples: [{ status: 'ok' }] })) {}

const checks = z.record(z.string(), z.object({ status: z.enum(['up', 'down']) }).catchall(z.unknown()));

/** @nestjs/terminus's report when every dependency answers; a failing one is a 503 problem naming the checks. */
export class ReadyDto extends createZodDto(
  z.object({ status: z.literal('ok'), info: checks.optional(), error: checks.optional(), details: checks }).meta({
    examples: [
      {
        status: 'ok',
        info: { database: { status: 'up' }, temporal: { status: 'up' }, smtp: { status: 'up' } },
        error: {},
        details: { database: { status: 'up' }, temporal: { status: 'up' }, smtp: { status: 'up' } },
      },
    ],
  }),
) {}

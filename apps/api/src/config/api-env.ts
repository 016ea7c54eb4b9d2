import { z } from 'zod';
import { loadEnv, refineShared, sharedEnvSchema } from '../../../../libs/infra/src/config/env.schema';

/** The API's configuration: the shared settings plus what only the HTTP side needs. */
export const apiEnvSchema = sharedEnvSchema
  .extend({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    /** Comma-separated bearer tokens of bank operators (each ≥ 24 characters). */
    OPERATOR_TOKENS: z
      .string()
      .transform((v) => v.split(',').map((t) => t.trim()).filter(Boolean))
      .pipe(z.array(z.string().min(24, 'each operator token needs at least 24 characters')).min(1)),
    /** Session lifetimes (§1.11): idle timeout and absolute lifetime. */
    SESSION_IDLE_TTL_MS: z.coerce.number().int().positive().default(15 * 60_000),
    SESSION_ABSOLUTE_TTL_MS: z.coerce.number().int().positive().default(12 * 3600_000),
    /** Milliseconds to let in-flight requests finish on shutdown. */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  })
  .superRefine(refineShared);

export type ApiEnv = z.infer<typeof apiEnvSchema>;

export const loadApiEnv = (source: NodeJS.ProcessEnv = process.env): ApiEnv => loadEnv(apiEnvSchema, source);

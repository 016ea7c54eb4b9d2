import { z } from 'zod';

/** The payload codec endpoint the Temporal UI calls from the browser. */
export const codecEnvShape = {
  /** Origins of the Temporal UI allowed to call /codec with credentials (CORS), comma-separated. */
  CODEC_CORS_ORIGINS: z
    .string()
    .default('http://127.0.0.1:8233,http://localhost:8233')
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim().replace(/\/$/, ''))
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ })).min(1)),
  /** The Temporal Web UI operators return to after signing in; unset, the first of CODEC_CORS_ORIGINS. */
  TEMPORAL_UI_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** How long an operator's browser sign-in for the codec lasts. */
  CODEC_SESSION_TTL_MS: z.coerce
    .number()
    .int()
    .positive()
    .max(24 * 3600_000)
    .default(8 * 3600_000),
};

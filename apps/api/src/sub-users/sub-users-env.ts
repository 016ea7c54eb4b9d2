import { z } from 'zod';

/**
 * Sub-user settings (§1.8.3). The API hands them to each request's workflow when
 * it starts, so a running request keeps the rules and deadline it started with.
 */
export const subUsersEnvShape = {
  /** Most users a partner may have, listed and added ones together. */
  SUB_USER_PARTNER_USER_LIMIT: z.coerce.number().int().min(1).max(10_000).default(50),
  /** Every request waits for an operator's decision, whatever the automatic checks say. */
  SUB_USER_OPERATOR_REVIEW: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** How long a request waits for an operator before it expires. */
  SUB_USER_OPERATOR_TTL_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(72 * 3600_000),
};

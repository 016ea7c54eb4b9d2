import { z } from 'zod';

/** An ISO 8601 instant (with offset) or a calendar date, read as midnight UTC. */
const instant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: 'must be an ISO 8601 date or date-time, e.g. 2026-01-31T00:00:00Z' })
  .transform((value) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value));

const shape = {
  from: instant.optional().meta({ description: 'Records at or after this time.' }),
  to: instant.optional().meta({ description: 'Records before this time.' }),
  userId: z.uuid().optional().meta({ description: 'Only what this user did.' }),
  action: z
    .string()
    .trim()
    .min(1)
    .max(120)
    .optional()
    .meta({ description: 'An exact action (`auth.login`, `POST /v1/payments`), or a prefix ending in `*` (`payment.*`).' }),
  cursor: z
    .string()
    .regex(/^[1-9]\d{0,18}$/, 'must be the nextCursor of a previous page')
    .optional()
    .meta({ description: 'nextCursor of the previous page; pages go from newest to oldest.' }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

const fromBeforeTo = (value: { from?: Date; to?: Date }, ctx: z.RefinementCtx) => {
  if (value.from && value.to && value.from > value.to) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
  }
};

/** `GET /v1/audit`: a partner's own trail (§1.15). */
export const auditQuerySchema = z.object(shape).strict().superRefine(fromBeforeTo);

/** `GET /v1/operator/audit`: any partner's trail, or the whole bank's when partnerId is omitted. */
export const operatorAuditQuerySchema = z
  .object({ ...shape, partnerId: z.uuid().optional().meta({ description: 'Only records of this partner.' }) })
  .strict()
  .superRefine(fromBeforeTo);

export type AuditQuery = z.infer<typeof auditQuerySchema>;
export type OperatorAuditQuery = z.infer<typeof operatorAuditQuerySchema>;

import { z } from 'zod';
import { instantSchema } from '../values/instant.value-object';
import { textSchema } from '../values/text.value-object';

/** The query instant of every list (years 2000–2100); a day is read as its midnight UTC. */
const instant = instantSchema('start').transform((ms) => new Date(ms));

const shape = {
  from: instant.optional().meta({ description: 'Records at or after this time.' }),
  to: instant.optional().meta({ description: 'Records before this time.' }),
  userId: z.uuid().optional().meta({ description: 'Only what this user did.' }),
  // Matched against recorded actions only, but still a person's text: the one policy applies.
  action: textSchema({ label: 'action', max: 120 })
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

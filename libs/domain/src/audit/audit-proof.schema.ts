import { z } from 'zod';

/** Tree sizes and record ids are positive decimal integers below 2^53 (JSON numbers stay exact). */
const positive = (label: string) =>
  z
    .string()
    .regex(/^[1-9]\d{0,15}$/, `${label} must be a positive integer`)
    .transform(Number)
    .refine(Number.isSafeInteger, `${label} is too large`);

/** `GET /v1/operator/audit/records/{id}/proof` path (§1.15). */
export const auditRecordParamsSchema = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,18}$/, 'must be an audit record id')
    .meta({ description: 'The audit record id.' }),
});

/** Its query: the tree the proof is for; the latest checkpoint's when omitted. */
export const auditProofQuerySchema = z
  .object({ treeSize: positive('treeSize').optional().meta({ description: 'Size of the signed tree to prove against; the latest when omitted.' }) })
  .strict();

/** `GET /v1/operator/audit/consistency?from=&to=`: both sizes of signed checkpoints, from ≤ to. */
export const auditConsistencyQuerySchema = z
  .object({
    from: positive('from').meta({ description: 'The older tree size.' }),
    to: positive('to').meta({ description: 'The newer tree size.' }),
  })
  .strict()
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'must not be below from' });

export type AuditProofQuery = z.infer<typeof auditProofQuerySchema>;
export type AuditConsistencyQuery = z.infer<typeof auditConsistencyQuerySchema>;

import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { parseStatementBound } from '../../../../../libs/domain/src/ledger';
import { paymentDocumentPatchSchema, paymentDocumentSchema, type PaymentStatus } from '../../../../../libs/domain/src/payment';

export const PAYMENT_STATUSES = [
  'DRAFT',
  'AWAITING_CONFIRMATION',
  'PARTIALLY_CONFIRMED',
  'SENT_TO_BANK',
  'EXECUTED',
  'REFUSED',
  'CANCELLED',
  'EXPIRED',
] as const satisfies readonly PaymentStatus[];

export class CreatePaymentDto extends createZodDto(paymentDocumentSchema) {}
export class PatchPaymentDto extends createZodDto(paymentDocumentPatchSchema) {}

/** A person's words, shown to the partner's users in the timeline. */
export const reasonSchema = z
  .string({ error: 'A reason is required.' })
  .trim()
  .min(1, 'A reason is required.')
  .max(500, 'At most 500 characters.');

export class ReturnPaymentDto extends createZodDto(z.object({ reason: reasonSchema }).strict()) {}

/** Six digits, nothing else (§1.13). */
export class VerifyCodeDto extends createZodDto(
  z.object({ code: z.string().regex(/^\d{6}$/, 'must be the 6-digit code from the SMS') }).strict(),
) {}

/** A bound of a period: a day (YYYY-MM-DD) or an instant with offset; the end is inclusive. */
const bound = (edge: 'start' | 'end') =>
  z
    .string()
    .optional()
    .transform((value, ctx): number | undefined => {
      if (value === undefined) return undefined;
      const parsed = parseStatementBound(value, edge);
      if (parsed.ok) return parsed.value;
      for (const message of parsed.errors) ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    });

export const pageShape = {
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,200}$/, 'must be a nextCursor from a previous page')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
};

export class ListPaymentsQueryDto extends createZodDto(
  z
    .object({
      status: z.enum(PAYMENT_STATUSES).optional(),
      from: bound('start').meta({ description: 'Created on or after: a day (YYYY-MM-DD, UTC) or an instant with offset.' }),
      to: bound('end').meta({ description: 'Created on or before: a day (YYYY-MM-DD, UTC) or an instant with offset.' }),
      ...pageShape,
    })
    .strict(),
) {}

import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { paymentDocumentPatchSchema, paymentDocumentSchema, type PaymentStatus } from '@domain/payment';
import { instantSchema, reasonTextSchema } from '@domain/values';

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

/**
 * A person's words, shown to the partner's users in the timeline: the text policy, so a NUL
 * (which PostgreSQL cannot store) or a bidi override never reaches a workflow (issue 12).
 */
export const reasonSchema = reasonTextSchema;

export class ReturnPaymentDto extends createZodDto(z.object({ reason: reasonSchema }).strict()) {}

/** Six digits, nothing else (§1.13). */
export class VerifyCodeDto extends createZodDto(z.object({ code: z.string().regex(/^\d{6}$/, 'must be the 6-digit code from the SMS') }).strict()) {}

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
      from: instantSchema('start').optional().meta({ description: 'Created on or after: a day (YYYY-MM-DD, UTC) or an instant with offset.' }),
      to: instantSchema('end').optional().meta({ description: 'Created on or before: a day (YYYY-MM-DD, UTC) or an instant with offset.' }),
      ...pageShape,
    })
    .strict(),
) {}

import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import type { ComplianceHoldStatus } from '@domain/payment/compliance-hold';
import { instant, money, page } from '../../openapi/schemas';
import { PAYMENT_STATUSES } from './payment.dto';

const paymentStatus = z.enum(PAYMENT_STATUSES).meta({ id: 'PaymentStatus' });
const HOLD_STATUSES = ['ON_HOLD', 'RELEASED', 'REFUSED', 'EXPIRED'] as const satisfies readonly ComplianceHoldStatus[];

const EXAMPLE = {
  id: '7d0f9c1e-3b0a-4c55-9a51-2b8f4a8e6d10',
  number: 42,
  status: 'PARTIALLY_CONFIRMED',
  version: 1,
  debitIban: 'KZ86125KZT5004100100',
  amount: '1500.50',
  currency: 'KZT',
  beneficiary: { name: 'ТОО «Астана Логистик»', binIin: '180340021791', iban: 'KZ75125KZT2069100100', bic: 'KCJBKZKX', kbe: '17' },
  knp: '710',
  purpose: 'Оплата по договору поставки №15',
  valueDate: '2026-12-01',
  authorId: '0b6c3f5e-9d7a-4a10-8e7b-5b1f7c2d9e41',
  requiredConfirmations: 2,
  expiresAt: '2026-12-02T06:00:00.000Z',
  refusal: null,
  createdAt: '2026-12-01T06:00:00.000Z',
  updatedAt: '2026-12-01T06:05:00.000Z',
  submittedAt: '2026-12-01T06:03:00.000Z',
  executedAt: null,
} as const;

const summaryShape = {
  id: z.uuid(),
  number: z.int(),
  status: paymentStatus,
  version: z.int(),
  debitIban: z.string(),
  amount: money(),
  currency: z.literal('KZT'),
  beneficiary: z.object({ name: z.string(), binIin: z.string(), iban: z.string(), bic: z.string(), kbe: z.string() }),
  knp: z.string(),
  purpose: z.string(),
  valueDate: z.iso.date(),
  authorId: z.string(),
  requiredConfirmations: z.int().nullable(),
  expiresAt: instant().nullable(),
  refusal: z.object({ code: z.string(), reason: z.string().nullable() }).nullable(),
  createdAt: instant(),
  updatedAt: instant(),
  submittedAt: instant().nullable(),
  executedAt: instant().nullable(),
  /** Operators only. */
  partnerId: z.string().optional().meta({ description: 'Operator views only.' }),
  hold: z
    .object({ status: z.enum(HOLD_STATUSES), deadline: instant().nullable() })
    .nullable()
    .optional()
    .meta({ description: 'Operator views only: the compliance hold (§2.4), null when none.' }),
};

export const paymentSummarySchema = z.object(summaryShape).meta({ id: 'PaymentSummary', examples: [EXAMPLE] });

const actor = z.object({
  type: z.enum(['USER', 'OPERATOR', 'BANK', 'SYSTEM']),
  userId: z.string().nullable().optional(),
  operatorId: z.string().nullable().optional(),
});

export const paymentSchema = z
  .object({
    ...summaryShape,
    confirmations: z.array(z.object({ userId: z.string(), version: z.int(), confirmedAt: instant() })),
    timeline: z.array(z.object({ type: z.string(), at: instant(), actor, version: z.int(), details: z.unknown() })),
  })
  .meta({
    examples: [
      {
        ...EXAMPLE,
        confirmations: [{ userId: EXAMPLE.authorId, version: 1, confirmedAt: '2026-12-01T06:05:00.000Z' }],
        timeline: [{ type: 'CREATED', at: '2026-12-01T06:00:00.000Z', actor: { type: 'USER', userId: EXAMPLE.authorId }, version: 1, details: {} }],
      },
    ],
  });

export class PaymentDto extends createZodDto(paymentSchema) {}
export class PaymentPageDto extends createZodDto(
  page(paymentSummarySchema).meta({ examples: [{ items: [EXAMPLE], nextCursor: 'WyIyMDI2LTEyLTAxVDA2OjAwOjAwLjAwMFoiLCI3ZDBmIl0' }] }),
) {}

export class PaymentCreatedDto extends createZodDto(
  z.object({ id: z.uuid(), number: z.int(), status: z.literal('DRAFT') }).meta({ examples: [{ id: EXAMPLE.id, number: 42, status: 'DRAFT' }] }),
) {}

export class PaymentEditedDto extends createZodDto(
  z
    .object({ id: z.uuid(), number: z.int(), status: paymentStatus, version: z.int() })
    .meta({ examples: [{ id: EXAMPLE.id, number: 42, status: 'DRAFT', version: 2 }] }),
) {}

export class PaymentSubmittedDto extends createZodDto(
  z.object({ status: paymentStatus, requiredConfirmations: z.int() }).meta({ examples: [{ status: 'AWAITING_CONFIRMATION', requiredConfirmations: 2 }] }),
) {}

export class PaymentReturnedDto extends createZodDto(
  z.object({ id: z.uuid(), status: paymentStatus, version: z.int() }).meta({ examples: [{ id: EXAMPLE.id, status: 'DRAFT', version: 2 }] }),
) {}

export class PaymentCancelledDto extends createZodDto(
  z.object({ id: z.uuid(), status: paymentStatus }).meta({ examples: [{ id: EXAMPLE.id, status: 'CANCELLED' }] }),
) {}

export class PaymentConfirmedDto extends createZodDto(
  z
    .object({ status: paymentStatus, confirmations: z.int(), requiredConfirmations: z.int() })
    .meta({ examples: [{ status: 'PARTIALLY_CONFIRMED', confirmations: 1, requiredConfirmations: 2 }] }),
) {}

export class PaymentDecisionDto extends createZodDto(
  z.object({ id: z.uuid(), status: paymentStatus, hold: z.enum(HOLD_STATUSES) }).meta({ examples: [{ id: EXAMPLE.id, status: 'SENT_TO_BANK', hold: 'RELEASED' }] }),
) {}

const policy = z
  .object({
    version: z.int(),
    rules: z.array(z.object({ minAmount: money(), requiredConfirmations: z.int() })),
    authorMayConfirm: z.boolean(),
  })
  .meta({
    examples: [
      {
        version: 3,
        rules: [
          { minAmount: '0.00', requiredConfirmations: 1 },
          { minAmount: '5000000.00', requiredConfirmations: 2 },
        ],
        authorMayConfirm: false,
      },
    ],
  });

export class ApprovalPolicyViewDto extends createZodDto(policy) {}

export class ApprovalPolicyChangeDto extends createZodDto(
  z
    .object({ challengeId: z.uuid(), expiresAt: instant(), status: z.literal('AWAITING_CONFIRMATION') })
    .meta({ examples: [{ challengeId: '3f9a1c2e-6b7d-4e8f-9a0b-1c2d3e4f5a6b', expiresAt: '2026-12-01T06:10:00.000Z', status: 'AWAITING_CONFIRMATION' }] }),
) {}

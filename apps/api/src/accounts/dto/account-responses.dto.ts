import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { instant, money, page } from '../../openapi/schemas';

const account = z
  .object({ iban: z.string(), currency: z.string(), balance: money(), blocked: z.boolean() })
  .meta({ id: 'Account', examples: [{ iban: 'KZ86125KZT5004100100', currency: 'KZT', balance: '1000000.00', blocked: false }] });

export class AccountPageDto extends createZodDto(
  page(account).meta({ examples: [{ items: [{ iban: 'KZ86125KZT5004100100', currency: 'KZT', balance: '1000000.00', blocked: false }], nextCursor: null }] }),
) {}

export class AccountBlockDto extends createZodDto(
  z.object({ iban: z.string(), blocked: z.boolean() }).meta({ examples: [{ iban: 'KZ86125KZT5004100100', blocked: true }] }),
) {}

/** The statement as `application/json` (statement-json.ts writes it). */
export const statementSchema = z
  .object({
    iban: z.string(),
    currency: z.string(),
    holder: z.object({ name: z.string(), bin: z.string() }),
    period: z.object({ from: instant(), to: instant() }),
    openingBalance: money(),
    totalDebit: money(),
    totalCredit: money(),
    closingBalance: money(),
    operations: z.array(
      z.object({
        postedAt: instant(),
        reference: z.string(),
        kind: z.enum(['OPENING', 'PAYMENT']),
        paymentId: z.string().nullable(),
        documentNumber: z.string().nullable(),
        direction: z.enum(['DEBIT', 'CREDIT']),
        amount: money(),
        balanceAfter: money(),
        counterparty: z.object({ name: z.string().nullable(), binIin: z.string().nullable(), iban: z.string().nullable() }).nullable(),
        knp: z.string().nullable(),
        purpose: z.string().nullable(),
      }),
    ),
  })
  .meta({
    examples: [
      {
        iban: 'KZ86125KZT5004100100',
        currency: 'KZT',
        holder: { name: 'ТОО «Дала Трейд»', bin: '180340021791' },
        period: { from: '2026-12-01T00:00:00.000Z', to: '2026-12-02T00:00:00.000Z' },
        openingBalance: '1000000.00',
        totalDebit: '1500.50',
        totalCredit: '0.00',
        closingBalance: '998499.50',
        operations: [
          {
            postedAt: '2026-12-01T06:10:00.000Z',
            reference: 'PAY-42',
            kind: 'PAYMENT',
            paymentId: '7d0f9c1e-3b0a-4c55-9a51-2b8f4a8e6d10',
            documentNumber: '42',
            direction: 'DEBIT',
            amount: '1500.50',
            balanceAfter: '998499.50',
            counterparty: { name: 'ТОО «Астана Логистик»', binIin: '180340021791', iban: 'KZ75125KZT2069100100' },
            knp: '710',
            purpose: 'Оплата по договору поставки №15',
          },
        ],
      },
    ],
  });

export class StatementDto extends createZodDto(statementSchema) {}

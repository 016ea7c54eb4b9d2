import { z } from 'zod';
import type { DomainError } from '../domain-error';
import { receiptNotExecuted } from './ledger.errors';

/** §2.5: the confirming document goes to the user's e-mail or, shortened, to their phone. */
export const RECEIPT_CHANNELS = ['EMAIL', 'SMS'] as const;
export type ReceiptChannel = (typeof RECEIPT_CHANNELS)[number];

export const receiptRequestSchema = z.object({ channel: z.enum(RECEIPT_CHANNELS) }).strict();

/**
 * A payment is confirmed only by the bank's own record of its execution (the ledger
 * posting), never by a status alone; anything else is refused with the status it has.
 */
export const receiptRefusal = (payment: { readonly executed: boolean; readonly status: string }): DomainError | null =>
  payment.executed ? null : receiptNotExecuted(payment.status);

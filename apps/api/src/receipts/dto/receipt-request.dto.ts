import { createZodDto } from 'nestjs-zod';
import { receiptRequestSchema } from '@domain/ledger';

export class ReceiptRequestDto extends createZodDto(receiptRequestSchema) {}

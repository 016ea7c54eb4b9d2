import { createZodDto } from 'nestjs-zod';
import { receiptRequestSchema } from '../../../../../libs/domain/src/ledger';

export class ReceiptRequestDto extends createZodDto(receiptRequestSchema) {}

import { createZodDto } from 'nestjs-zod';
import { statementQuerySchema } from '@domain/ledger';

export class StatementQueryDto extends createZodDto(statementQuerySchema) {}

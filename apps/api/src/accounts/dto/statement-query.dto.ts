import { createZodDto } from 'nestjs-zod';
import { statementQuerySchema } from '../../../../../libs/domain/src/ledger';

export class StatementQueryDto extends createZodDto(statementQuerySchema) {}

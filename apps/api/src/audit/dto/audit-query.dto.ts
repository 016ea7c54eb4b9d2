import { createZodDto } from 'nestjs-zod';
import { auditQuerySchema, operatorAuditQuerySchema } from '../../../../../libs/domain/src/audit';

export class AuditQueryDto extends createZodDto(auditQuerySchema) {}
export class OperatorAuditQueryDto extends createZodDto(operatorAuditQuerySchema) {}

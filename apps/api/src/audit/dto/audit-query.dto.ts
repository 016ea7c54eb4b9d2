import { createZodDto } from 'nestjs-zod';
import { auditQuerySchema, operatorAuditQuerySchema } from '@domain/audit';

export class AuditQueryDto extends createZodDto(auditQuerySchema) {}
export class OperatorAuditQueryDto extends createZodDto(operatorAuditQuerySchema) {}

import { createZodDto } from 'nestjs-zod';
import { approvalPolicyRequestSchema } from '@domain/payment';

export class ApprovalPolicyDto extends createZodDto(approvalPolicyRequestSchema) {}

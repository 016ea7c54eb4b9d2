import { createZodDto } from 'nestjs-zod';
import { approvalPolicyRequestSchema } from '../../../../../libs/domain/src/payment';

export class ApprovalPolicyDto extends createZodDto(approvalPolicyRequestSchema) {}

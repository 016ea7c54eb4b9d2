import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { pageShape, PAYMENT_STATUSES, reasonSchema } from './payment.dto';

/** `status=ON_HOLD` lists the payments waiting for a compliance decision; any payment status works too. */
export class OperatorListPaymentsQueryDto extends createZodDto(z.object({ status: z.enum([...PAYMENT_STATUSES, 'ON_HOLD']).optional(), ...pageShape }).strict()) {}

export class RefusePaymentDto extends createZodDto(z.object({ reason: reasonSchema }).strict()) {}

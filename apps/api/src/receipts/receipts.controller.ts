import { BadRequestException, Body, Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { ApiProblems } from '../openapi/api-problems';
import { ReceiptAcceptedDto } from './dto/receipt-responses.dto';
import type { Request } from 'express';
import { Cabinet } from '../auth/cabinet-auth.guard';
import { CurrentActor, type CabinetActor } from '../auth/cabinet-actor';
import { problem } from '../common/problem';
import { UuidParam } from '../common/uuid-param';
import { ReceiptRequestDto } from './dto/receipt-request.dto';
import { ReceiptsService } from './receipts.service';

const KEY = /^[A-Za-z0-9_-]{8,64}$/;

@ApiTags('cabinet: payments')
@Controller('v1/payments')
export class ReceiptsController {
  constructor(private readonly receipts: ReceiptsService) {}

  /**
   * Sends the confirming document of an executed payment to the requesting user (§2.5):
   * EMAIL — a PDF to their e-mail; SMS — number, amount, beneficiary and status.
   */
  @ApiOperation({ summary: 'Send the receipt of an executed payment by e-mail or SMS (§2.5)' })
  @ZodResponse({ status: 202, type: ReceiptAcceptedDto })
  @ApiProblems(409, 429)
  @Post(':id/receipt')
  @HttpCode(202)
  @Cabinet('PAYMENT_RECEIPT')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '8–64 of A-Z a-z 0-9 _ -; a repeat sends nothing again' })
  request(
    @CurrentActor() actor: CabinetActor,
    @UuidParam('id') id: string,
    @Body() body: ReceiptRequestDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() req: Request & { id?: unknown },
  ) {
    if (idempotencyKey !== undefined && !KEY.test(idempotencyKey)) {
      const errors = [{ path: 'Idempotency-Key', message: 'must be 8 to 64 letters, digits, "_" or "-"' }];
      throw new BadRequestException(problem(400, '1 invalid field', { code: 'REQUEST.INVALID', errors }));
    }
    return this.receipts.request(actor, id, body.channel, {
      requestId: typeof req.id === 'string' ? req.id : null,
      clientAddress: req.ip ?? null,
      idempotencyKey,
    });
  }
}

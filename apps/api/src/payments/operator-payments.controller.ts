import { Body, Controller, Get, HttpCode, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { ApiProblems } from '../openapi/api-problems';
import { PaymentDecisionDto, PaymentDto, PaymentPageDto } from './dto/payment-responses.dto';
import { UuidParam } from '../common/uuid-param';
import { Caller, type ClientInfo } from '../common/client-info';
import { OperatorAuthGuard, type OperatorIdentity } from '../operator/operator-auth.guard';
import { OperatorListPaymentsQueryDto, RefusePaymentDto } from './dto/operator-payment.dto';
import { answer } from '../common/problem';
import { DecidePaymentHoldUseCase } from './hold-decision/decide-payment-hold.use-case';
import { ListPaymentsUseCase } from './list/list-payments.use-case';
import { ViewPaymentUseCase } from './view/view-payment.use-case';

type OperatorRequest = { operator: OperatorIdentity };

/** Payments for bank operators; `?status=ON_HOLD` is the compliance queue (§2.4). */
@ApiTags('operator: payments')
@ApiBearerAuth('operator')
@UseGuards(OperatorAuthGuard)
@Controller('v1/operator/payments')
export class OperatorPaymentsController {
  constructor(
    private readonly listing: ListPaymentsUseCase,
    private readonly viewing: ViewPaymentUseCase,
    private readonly holdDecision: DecidePaymentHoldUseCase,
  ) {}

  @ApiOperation({ summary: 'List payments; `status=ON_HOLD` is the compliance queue (§2.4)' })
  @ZodResponse({ status: 200, type: PaymentPageDto })
  @Get()
  async list(@Query() query: OperatorListPaymentsQueryDto) {
    return answer(await this.listing.execute(null, query));
  }

  /** With the hold and the full timeline, operators included. */
  @ApiOperation({ summary: 'Read a payment with its hold and full timeline' })
  @ZodResponse({ status: 200, type: PaymentDto })
  @Get(':id')
  async get(@UuidParam('id') id: string) {
    return answer(await this.viewing.execute(id, null));
  }

  /** Releases a held payment to the bank's execution. */
  @ApiOperation({ summary: 'Release a held payment to execution' })
  @ZodResponse({ status: 200, type: PaymentDecisionDto })
  @ApiProblems(409)
  @Post(':id/execute')
  @HttpCode(200)
  async execute(@UuidParam('id') id: string, @Req() req: OperatorRequest, @Caller() caller: ClientInfo) {
    return answer(await this.holdDecision.execute(id, req.operator.operatorId, { decision: 'EXECUTE' }, caller));
  }

  /** Refuses a held payment; the reason is shown to the partner. */
  @ApiOperation({ summary: 'Refuse a held payment with a reason' })
  @ZodResponse({ status: 200, type: PaymentDecisionDto })
  @ApiProblems(409)
  @Post(':id/refuse')
  @HttpCode(200)
  async refuse(@UuidParam('id') id: string, @Body() body: RefusePaymentDto, @Req() req: OperatorRequest, @Caller() caller: ClientInfo) {
    return answer(await this.holdDecision.execute(id, req.operator.operatorId, { decision: 'REFUSE', reason: body.reason }, caller));
  }
}

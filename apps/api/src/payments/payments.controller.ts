import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { ApiProblems } from '../openapi/api-problems';
import {
  PaymentCancelledDto,
  PaymentCreatedDto,
  PaymentDto,
  PaymentEditedDto,
  PaymentPageDto,
  PaymentReturnedDto,
  PaymentSubmittedDto,
} from './dto/payment-responses.dto';
import { Cabinet } from '../auth/cabinet-auth.guard';
import { CurrentActor, type CabinetActor } from '../auth/cabinet-actor';
import { Idempotent } from '../common/idempotency.interceptor';
import { UuidParam } from '../common/uuid-param';
import { Caller, type ClientInfo } from '../common/client-info';
import { CreatePaymentService } from './create-payment.service';
import { CreatePaymentDto, ListPaymentsQueryDto, PatchPaymentDto, ReturnPaymentDto } from './dto/payment.dto';
import { EditPaymentService } from './edit-payment.service';
import { PaymentLifecycleService } from './payment-lifecycle.service';
import { PaymentQueriesService } from './payment-queries.service';

/** Payment documents of the caller's partner (§1.2, §2.4). Another partner's document is a 404. */
@ApiTags('payments')
@Controller('v1/payments')
export class PaymentsController {
  constructor(
    private readonly creation: CreatePaymentService,
    private readonly editing: EditPaymentService,
    private readonly lifecycle: PaymentLifecycleService,
    private readonly queries: PaymentQueriesService,
  ) {}

  /** A new draft (201 `{id, number, status: "DRAFT"}`); send `Idempotency-Key` so a double click makes one document. */
  @ApiOperation({ summary: 'Create a payment draft' })
  @ZodResponse({ status: 201, type: PaymentCreatedDto })
  @ApiProblems(422)
  @Post()
  @Cabinet('PAYMENT_CREATE')
  @Idempotent()
  create(@CurrentActor() actor: CabinetActor, @Body() body: CreatePaymentDto, @Caller() caller: ClientInfo) {
    return this.creation.create(actor, body, caller);
  }

  /** Newest first; `nextCursor` fetches the next page. */
  @ApiOperation({ summary: "List the partner's payments, newest first" })
  @ZodResponse({ status: 200, type: PaymentPageDto })
  @Get()
  @Cabinet('PAYMENT_VIEW')
  list(@CurrentActor() actor: CabinetActor, @Query() query: ListPaymentsQueryDto) {
    const createdAt = query.from === undefined && query.to === undefined ? undefined : { gte: maybeDate(query.from), lt: maybeDate(query.to) };
    const where = { partnerId: actor.partnerId, ...(query.status && { status: query.status }), ...(createdAt && { createdAt }) };
    return this.queries.list(where, query, 'cabinet');
  }

  /** The document, the confirmations of its current version, and its timeline: every step, who and when. */
  @ApiOperation({ summary: 'Read a payment with its confirmations and timeline' })
  @ZodResponse({ status: 200, type: PaymentDto })
  @Get(':id')
  @Cabinet('PAYMENT_VIEW')
  get(@CurrentActor() actor: CabinetActor, @UuidParam('id') id: string) {
    return this.queries.ofPartner(id, actor.partnerId);
  }

  /** Edits any subset of the fields. A submitted document returns to draft and loses its confirmations (§1.13). */
  @ApiOperation({ summary: 'Edit a payment; a submitted one returns to draft (§1.13)' })
  @ZodResponse({ status: 200, type: PaymentEditedDto })
  @ApiProblems(409, 422)
  @Patch(':id')
  @Cabinet('PAYMENT_EDIT')
  edit(@CurrentActor() actor: CabinetActor, @UuidParam('id') id: string, @Body() body: PatchPaymentDto, @Caller() caller: ClientInfo) {
    return this.editing.edit(actor, id, body, caller);
  }

  /** Sends the document for confirmation under the partner's current approval policy. */
  @ApiOperation({ summary: 'Submit a payment for confirmation' })
  @ZodResponse({ status: 200, type: PaymentSubmittedDto })
  @ApiProblems(409, 422)
  @Post(':id/submit')
  @HttpCode(200)
  @Cabinet('PAYMENT_SUBMIT')
  submit(@CurrentActor() actor: CabinetActor, @UuidParam('id') id: string, @Caller() caller: ClientInfo) {
    return this.lifecycle.submit(actor, id, caller);
  }

  /** Back to draft with a reason; every confirmation is void. */
  @ApiOperation({ summary: 'Return a payment to draft with a reason' })
  @ZodResponse({ status: 200, type: PaymentReturnedDto })
  @ApiProblems(409)
  @Post(':id/return')
  @HttpCode(200)
  @Cabinet('PAYMENT_RETURN')
  returnToDraft(@CurrentActor() actor: CabinetActor, @UuidParam('id') id: string, @Body() body: ReturnPaymentDto, @Caller() caller: ClientInfo) {
    return this.lifecycle.returnToDraft(actor, id, body.reason, caller);
  }

  @ApiOperation({ summary: 'Cancel a payment' })
  @ZodResponse({ status: 200, type: PaymentCancelledDto })
  @ApiProblems(409)
  @Post(':id/cancel')
  @HttpCode(200)
  @Cabinet('PAYMENT_CANCEL')
  cancel(@CurrentActor() actor: CabinetActor, @UuidParam('id') id: string, @Caller() caller: ClientInfo) {
    return this.lifecycle.cancel(actor, id, caller);
  }
}

const maybeDate = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms));

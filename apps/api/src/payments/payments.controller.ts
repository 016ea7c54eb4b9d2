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
import { answer } from '../common/problem';
import { CancelPaymentUseCase } from './cancel/cancel-payment.use-case';
import { CreatePaymentDraftUseCase } from './create-draft/create-payment-draft.use-case';
import { CreatePaymentDto, ListPaymentsQueryDto, PatchPaymentDto, ReturnPaymentDto } from './dto/payment.dto';
import { EditPaymentUseCase } from './edit/edit-payment.use-case';
import { ListPaymentsUseCase } from './list/list-payments.use-case';
import { ReturnPaymentUseCase } from './return/return-payment.use-case';
import { SubmitPaymentUseCase } from './submit/submit-payment.use-case';
import { ViewPaymentUseCase } from './view/view-payment.use-case';

/** Payment documents of the caller's partner (§1.2, §2.4). Another partner's document is a 404. */
@ApiTags('payments')
@Controller('v1/payments')
export class PaymentsController {
  constructor(
    private readonly creation: CreatePaymentDraftUseCase,
    private readonly listing: ListPaymentsUseCase,
    private readonly viewing: ViewPaymentUseCase,
    private readonly editing: EditPaymentUseCase,
    private readonly submission: SubmitPaymentUseCase,
    private readonly returning: ReturnPaymentUseCase,
    private readonly cancellation: CancelPaymentUseCase,
  ) {}

  /** A new draft (201 `{id, number, status: "DRAFT"}`); send `Idempotency-Key` so a double click makes one document. */
  @ApiOperation({ summary: 'Create a payment draft' })
  @ZodResponse({ status: 201, type: PaymentCreatedDto })
  @ApiProblems(422)
  @Post()
  @Cabinet('PAYMENT_CREATE')
  @Idempotent()
  async create(@CurrentActor() actor: CabinetActor, @Body() body: CreatePaymentDto, @Caller() caller: ClientInfo) {
    return answer(await this.creation.execute(actor, body, caller));
  }

  /** Newest first; `nextCursor` fetches the next page. */
  @ApiOperation({ summary: "List the partner's payments, newest first" })
  @ZodResponse({ status: 200, type: PaymentPageDto })
  @Get()
  @Cabinet('PAYMENT_VIEW')
  async list(@CurrentActor() actor: CabinetActor, @Query() query: ListPaymentsQueryDto) {
    return answer(await this.listing.execute(actor.partnerId, query));
  }

  /** The document, the confirmations of its current version, and its timeline: every step, who and when. */
  @ApiOperation({ summary: 'Read a payment with its confirmations and timeline' })
  @ZodResponse({ status: 200, type: PaymentDto })
  @Get(':id')
  @Cabinet('PAYMENT_VIEW')
  async get(@CurrentActor() actor: CabinetActor, @UuidParam('id') id: string) {
    return answer(await this.viewing.execute(id, actor.partnerId));
  }

  /** Edits any subset of the fields. A submitted document returns to draft and loses its confirmations (§1.13). */
  @ApiOperation({ summary: 'Edit a payment; a submitted one returns to draft (§1.13)' })
  @ZodResponse({ status: 200, type: PaymentEditedDto })
  @ApiProblems(409, 422)
  @Patch(':id')
  @Cabinet('PAYMENT_EDIT')
  async edit(@CurrentActor() actor: CabinetActor, @UuidParam('id') id: string, @Body() body: PatchPaymentDto, @Caller() caller: ClientInfo) {
    return answer(await this.editing.execute(actor, id, body, caller));
  }

  /** Sends the document for confirmation under the partner's current approval policy. */
  @ApiOperation({ summary: 'Submit a payment for confirmation' })
  @ZodResponse({ status: 200, type: PaymentSubmittedDto })
  @ApiProblems(409, 422)
  @Post(':id/submit')
  @HttpCode(200)
  @Cabinet('PAYMENT_SUBMIT')
  async submit(@CurrentActor() actor: CabinetActor, @UuidParam('id') id: string, @Caller() caller: ClientInfo) {
    return answer(await this.submission.execute(actor, id, caller));
  }

  /** Back to draft with a reason; every confirmation is void. */
  @ApiOperation({ summary: 'Return a payment to draft with a reason' })
  @ZodResponse({ status: 200, type: PaymentReturnedDto })
  @ApiProblems(409)
  @Post(':id/return')
  @HttpCode(200)
  @Cabinet('PAYMENT_RETURN')
  async returnToDraft(@CurrentActor() actor: CabinetActor, @UuidParam('id') id: string, @Body() body: ReturnPaymentDto, @Caller() caller: ClientInfo) {
    return answer(await this.returning.execute(actor, id, body.reason, caller));
  }

  @ApiOperation({ summary: 'Cancel a payment' })
  @ZodResponse({ status: 200, type: PaymentCancelledDto })
  @ApiProblems(409)
  @Post(':id/cancel')
  @HttpCode(200)
  @Cabinet('PAYMENT_CANCEL')
  async cancel(@CurrentActor() actor: CabinetActor, @UuidParam('id') id: string, @Caller() caller: ClientInfo) {
    return answer(await this.cancellation.execute(actor, id, caller));
  }
}

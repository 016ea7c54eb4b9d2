import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { ApiProblems } from '../openapi/api-problems';
import { ChallengeDto } from '../openapi/common-responses.dto';
import { PaymentConfirmedDto } from './dto/payment-responses.dto';
import { Cabinet } from '../auth/cabinet-auth.guard';
import { CurrentActor, type CabinetActor } from '../auth/cabinet-actor';
import { Idempotent } from '../common/idempotency.interceptor';
import { UuidParam } from '../common/uuid-param';
import { Caller, type ClientInfo } from '../common/client-info';
import { VerifyCodeDto } from './dto/payment.dto';
import { answer } from '../common/problem';
import { ConfirmPaymentUseCase } from './confirm/confirm-payment.use-case';
import { RequestConfirmationCodeUseCase } from './request-code/request-confirmation-code.use-case';

/** Confirming a document: full-access users only (§1.2.1), each with an SMS code bound to it (§1.13). */
@ApiTags('payments')
@Controller('v1/payments/:id/confirmations')
export class PaymentConfirmationsController {
  constructor(
    private readonly codeRequest: RequestConfirmationCodeUseCase,
    private readonly confirmation: ConfirmPaymentUseCase,
  ) {}

  /** Sends the caller a code stating the amount and beneficiary; 202 `{challengeId, expiresAt}`. */
  @ApiOperation({ summary: 'Send the caller an SMS code to confirm a payment (§1.13)' })
  @ZodResponse({ status: 202, type: ChallengeDto })
  @ApiProblems(409, 429)
  @Post()
  @HttpCode(202)
  @Cabinet('PAYMENT_CONFIRM')
  @Idempotent()
  async request(@CurrentActor() actor: CabinetActor, @UuidParam('id') id: string, @Caller() caller: ClientInfo) {
    return answer(await this.codeRequest.execute(actor, id, caller));
  }

  /** One confirmation: 200 `{status, confirmations, requiredConfirmations}`; a wrong code is a 400 with `attemptsLeft`. */
  @ApiOperation({ summary: 'Confirm a payment with the SMS code' })
  @ZodResponse({ status: 200, type: PaymentConfirmedDto })
  @ApiProblems(409, 410, 429)
  @Post(':challengeId/verify')
  @HttpCode(200)
  @Cabinet('PAYMENT_CONFIRM')
  async verify(
    @CurrentActor() actor: CabinetActor,
    @UuidParam('id') id: string,
    @UuidParam('challengeId') challengeId: string,
    @Body() body: VerifyCodeDto,
    @Caller() caller: ClientInfo,
  ) {
    return answer(await this.confirmation.execute(actor, id, challengeId, body.code, caller));
  }
}

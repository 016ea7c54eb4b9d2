import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Cabinet } from '../auth/cabinet-auth.guard';
import { CurrentActor, type CabinetActor } from '../auth/cabinet-actor';
import { Idempotent } from '../common/idempotency.interceptor';
import { UuidParam } from '../common/uuid-param';
import { Caller, type ClientInfo } from '../login-protection/client-info';
import { VerifyCodeDto } from './dto/payment.dto';
import { PaymentConfirmationsService } from './payment-confirmations.service';

/** Confirming a document: full-access users only (§1.2.1), each with an SMS code bound to it (§1.13). */
@ApiTags('payments')
@Controller('v1/payments/:id/confirmations')
export class PaymentConfirmationsController {
  constructor(private readonly confirmations: PaymentConfirmationsService) {}

  /** Sends the caller a code stating the amount and beneficiary; 202 `{challengeId, expiresAt}`. */
  @Post()
  @HttpCode(202)
  @Cabinet('PAYMENT_CONFIRM')
  @Idempotent()
  request(@CurrentActor() actor: CabinetActor, @UuidParam('id') id: string, @Caller() caller: ClientInfo) {
    return this.confirmations.request(actor, id, caller);
  }

  /** One confirmation: 200 `{status, confirmations, requiredConfirmations}`; a wrong code is a 400 with `attemptsLeft`. */
  @Post(':challengeId/verify')
  @HttpCode(200)
  @Cabinet('PAYMENT_CONFIRM')
  verify(
    @CurrentActor() actor: CabinetActor,
    @UuidParam('id') id: string,
    @UuidParam('challengeId') challengeId: string,
    @Body() body: VerifyCodeDto,
    @Caller() caller: ClientInfo,
  ) {
    return this.confirmations.verify(actor, id, challengeId, body.code, caller);
  }
}

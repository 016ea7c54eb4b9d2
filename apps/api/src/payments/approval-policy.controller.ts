import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { ApiProblems } from '../openapi/api-problems';
import { ApprovalPolicyChangeDto, ApprovalPolicyViewDto } from './dto/payment-responses.dto';
import { Cabinet } from '../auth/cabinet-auth.guard';
import { CurrentActor, type CabinetActor } from '../auth/cabinet-actor';
import { Idempotent } from '../common/idempotency.interceptor';
import { UuidParam } from '../common/uuid-param';
import { Caller, type ClientInfo } from '../common/client-info';
import { VerifyCodeDto } from './dto/payment.dto';
import { ApprovalPolicyDto } from './dto/approval-policy.dto';
import { answer } from '../common/problem';
import { RequestApprovalPolicyChangeUseCase } from './request-policy-change/request-approval-policy-change.use-case';
import { VerifyApprovalPolicyChangeUseCase } from './verify-policy-change/verify-approval-policy-change.use-case';
import { ViewApprovalPolicyUseCase } from './view-policy/view-approval-policy.use-case';

/** The partner's approval policy (§1.2.1): confirmations needed by amount; default one for any amount. */
@ApiTags('approval policy')
@Controller('v1/partner/approval-policy')
export class ApprovalPolicyController {
  constructor(
    private readonly viewing: ViewApprovalPolicyUseCase,
    private readonly changeRequest: RequestApprovalPolicyChangeUseCase,
    private readonly changeVerification: VerifyApprovalPolicyChangeUseCase,
  ) {}

  /** `{rules: [{minAmount, requiredConfirmations}], authorMayConfirm, version}`; no rules: one confirmation. */
  @ApiOperation({ summary: "Read the partner's approval policy (§1.2.1)" })
  @ZodResponse({ status: 200, type: ApprovalPolicyViewDto })
  @Get()
  @Cabinet('APPROVAL_POLICY_VIEW')
  async get(@CurrentActor() actor: CabinetActor) {
    return answer(await this.viewing.execute(actor.partnerId));
  }

  /**
   * Requests a change (full access only). Nothing changes yet: 202 `{challengeId, expiresAt}`, and an
   * SMS code goes to the caller's phone; `POST .../changes/{challengeId}/verify {code}` applies it.
   */
  @ApiOperation({ summary: 'Request an approval policy change; an SMS code confirms it' })
  @ZodResponse({ status: 202, type: ApprovalPolicyChangeDto })
  @ApiProblems(409, 429)
  @Put()
  @HttpCode(202)
  @Cabinet('APPROVAL_POLICY_CHANGE')
  @Idempotent()
  async requestChange(@CurrentActor() actor: CabinetActor, @Body() body: ApprovalPolicyDto, @Caller() caller: ClientInfo) {
    return answer(await this.changeRequest.execute(actor, body, caller));
  }

  /** Confirms the change with the SMS code; 200 with the policy now in force. Documents already submitted keep theirs. */
  @ApiOperation({ summary: 'Apply the approval policy change with the SMS code' })
  @ZodResponse({ status: 200, type: ApprovalPolicyViewDto })
  @ApiProblems(409, 410, 429)
  @Post('changes/:challengeId/verify')
  @HttpCode(200)
  @Cabinet('APPROVAL_POLICY_CHANGE')
  async verify(@CurrentActor() actor: CabinetActor, @UuidParam('challengeId') challengeId: string, @Body() body: VerifyCodeDto, @Caller() caller: ClientInfo) {
    return answer(await this.changeVerification.execute(actor, challengeId, body.code, caller));
  }
}

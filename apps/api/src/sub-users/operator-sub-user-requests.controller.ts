import { Body, Controller, Get, HttpCode, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { ApiProblems } from '../openapi/api-problems';
import { OperatorSubUserRequestPageDto, SubUserRequestDecisionDto } from './dto/operator-sub-user-responses.dto';
import { UuidParam } from '../common/uuid-param';
import { OperatorAuthGuard, type OperatorIdentity } from '../operator/operator-auth.guard';
import { ListSubUserRequestsQuery, RejectSubUserDto } from './dto/sub-users.dto';
import { answer } from '../common/problem';
import { ApproveSubUserRequestUseCase } from './approve-request/approve-sub-user-request.use-case';
import { ListSubUserRequestsUseCase } from './list-requests/list-sub-user-requests.use-case';
import { RejectSubUserRequestUseCase } from './reject-request/reject-sub-user-request.use-case';

type OperatorRequest = { operator: OperatorIdentity };

/** §1.8.3: the bank's decision on requests its checks sent to an operator. */
@ApiTags('operator: sub-user requests')
@ApiBearerAuth('operator')
@UseGuards(OperatorAuthGuard)
@Controller('v1/operator/sub-user-requests')
export class OperatorSubUserRequestsController {
  constructor(
    private readonly listing: ListSubUserRequestsUseCase,
    private readonly approval: ApproveSubUserRequestUseCase,
    private readonly rejection: RejectSubUserRequestUseCase,
  ) {}

  /** Newest first; `?status=AWAITING_OPERATOR` is the operators' queue. */
  @ApiOperation({ summary: "List new-user requests; `status=AWAITING_OPERATOR` is the operators' queue" })
  @ZodResponse({ status: 200, type: OperatorSubUserRequestPageDto })
  @Get()
  async list(@Query() query: ListSubUserRequestsQuery) {
    return answer(await this.listing.execute(query));
  }

  @ApiOperation({ summary: 'Approve a new-user request (§1.8.3)' })
  @ZodResponse({ status: 200, type: SubUserRequestDecisionDto })
  @ApiProblems(409)
  @Post(':id/approve')
  @HttpCode(200)
  async approve(@UuidParam('id') id: string, @Req() req: OperatorRequest) {
    return answer(await this.approval.execute(id, req.operator.operatorId));
  }

  /** The reason is shown to the partner and kept in the audit trail (§1.15). */
  @ApiOperation({ summary: 'Reject a new-user request with a reason (§1.8.3)' })
  @ZodResponse({ status: 200, type: SubUserRequestDecisionDto })
  @ApiProblems(409)
  @Post(':id/reject')
  @HttpCode(200)
  async reject(@UuidParam('id') id: string, @Body() body: RejectSubUserDto, @Req() req: OperatorRequest) {
    return answer(await this.rejection.execute(id, req.operator.operatorId, body.reason));
  }
}

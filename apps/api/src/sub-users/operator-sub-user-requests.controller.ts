import { Body, Controller, Get, HttpCode, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../common/uuid-param';
import { OperatorAuthGuard, type OperatorIdentity } from '../operator/operator-auth.guard';
import { ListSubUserRequestsQuery, RejectSubUserDto } from './dto/sub-users.dto';
import { OperatorSubUserRequestsService } from './operator-sub-user-requests.service';
import { Caller, type ClientInfo } from '../login-protection/client-info';

type OperatorRequest = { operator: OperatorIdentity };

/** §1.8.3: the bank's decision on requests its checks sent to an operator. */
@ApiTags('operator: sub-user requests')
@ApiBearerAuth('operator')
@UseGuards(OperatorAuthGuard)
@Controller('v1/operator/sub-user-requests')
export class OperatorSubUserRequestsController {
  constructor(private readonly requests: OperatorSubUserRequestsService) {}

  /** Newest first; `?status=AWAITING_OPERATOR` is the operators' queue. */
  @Get()
  list(@Query() query: ListSubUserRequestsQuery) {
    return this.requests.list(query);
  }

  @Post(':id/approve')
  @HttpCode(200)
  approve(@UuidParam('id') id: string, @Req() req: OperatorRequest, @Caller() caller: ClientInfo) {
    return this.requests.approve(id, req.operator.operatorId, caller);
  }

  /** The reason is shown to the partner and kept in the audit trail (§1.15). */
  @Post(':id/reject')
  @HttpCode(200)
  reject(@UuidParam('id') id: string, @Body() body: RejectSubUserDto, @Req() req: OperatorRequest, @Caller() caller: ClientInfo) {
    return this.requests.reject(id, req.operator.operatorId, body.reason, caller);
  }
}

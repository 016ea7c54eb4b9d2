import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { ApiProblems } from '../openapi/api-problems';
import { UserStatusDto } from './dto/blocking-responses.dto';
import type { Request } from 'express';
import { UuidParam } from '../common/uuid-param';
import { Caller, type ClientInfo } from '../common/client-info';
import { OperatorAuthGuard, type OperatorIdentity } from '../operator/operator-auth.guard';
import { BlockingService } from './blocking.service';
import { BlockUserDto, UnblockUserDto } from './dto/blocking.dto';

type OperatorRequest = Request & { operator: OperatorIdentity };

/** §1.14, bank side: operator tokens only; cabinet session keys never work here. */
@ApiTags('operator: users')
@ApiBearerAuth('operator')
@UseGuards(OperatorAuthGuard)
@Controller('v1/operator/users')
export class BlockingController {
  constructor(private readonly blocking: BlockingService) {}

  /** Takes effect at once: sessions revoked, sign-in refused, waiting flows told. 200 `{ status: "BLOCKED" }`. */
  @ApiOperation({ summary: 'Block a user at once (§1.14)' })
  @ZodResponse({ status: 200, type: UserStatusDto })
  @ApiProblems(409)
  @Post(':userId/block')
  @HttpCode(200)
  block(@UuidParam('userId') userId: string, @Body() body: BlockUserDto, @Req() req: OperatorRequest, @Caller() client: ClientInfo) {
    return this.blocking.block(userId, body.reason, req.operator.operatorId, client);
  }

  /** Restores INVITED (never registered), ACTIVE, or LOCKED while an earlier lock still runs. */
  @ApiOperation({ summary: 'Unblock a user' })
  @ZodResponse({ status: 200, type: UserStatusDto })
  @ApiProblems(409)
  @Post(':userId/unblock')
  @HttpCode(200)
  unblock(@UuidParam('userId') userId: string, @Body() body: UnblockUserDto, @Req() req: OperatorRequest, @Caller() client: ClientInfo) {
    return this.blocking.unblock(userId, body.reason, req.operator.operatorId, client);
  }
}

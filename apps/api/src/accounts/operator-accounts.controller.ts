import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { AccountBlockDto } from './dto/account-responses.dto';
import type { Request } from 'express';
import { OperatorAuthGuard, type OperatorIdentity } from '../operator/operator-auth.guard';
import { AccountsService, type AuditContext } from './accounts.service';
import { BlockAccountDto } from './dto/block-account.dto';
import { IbanParam } from './iban-param';

type OperatorRequest = Request & { operator: OperatorIdentity; id?: unknown };
const auditContext = (req: OperatorRequest): AuditContext => ({ requestId: typeof req.id === 'string' ? req.id : null, clientAddress: req.ip ?? null });

@ApiTags('operator: accounts')
@ApiBearerAuth('operator')
@UseGuards(OperatorAuthGuard)
@Controller('v1/operator/accounts')
export class OperatorAccountsController {
  constructor(private readonly accounts: AccountsService) {}

  /** Blocks an account: payments from it are refused until it is unblocked (§2.4). */
  @ApiOperation({ summary: 'Block an account (§2.4)' })
  @ZodResponse({ status: 200, type: AccountBlockDto })
  @Post(':iban/block')
  @HttpCode(200)
  block(@IbanParam() iban: string, @Body() body: BlockAccountDto, @Req() req: OperatorRequest) {
    return this.accounts.setBlocked(iban, true, req.operator.operatorId, body.reason, auditContext(req));
  }

  @ApiOperation({ summary: 'Unblock an account' })
  @ZodResponse({ status: 200, type: AccountBlockDto })
  @Post(':iban/unblock')
  @HttpCode(200)
  unblock(@IbanParam() iban: string, @Body() body: BlockAccountDto, @Req() req: OperatorRequest) {
    return this.accounts.setBlocked(iban, false, req.operator.operatorId, body.reason, auditContext(req));
  }
}

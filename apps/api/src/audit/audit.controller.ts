import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { AuditPageDto } from './dto/audit-page.dto';
import { CurrentActor, type CabinetActor } from '../auth/cabinet-actor';
import { Cabinet } from '../auth/cabinet-auth.guard';
import { OperatorAuthGuard } from '../operator/operator-auth.guard';
import { AuditQueryService } from './audit-query.service';
import { AuditQueryDto, OperatorAuditQueryDto } from './dto/audit-query.dto';

/** A partner's own trail (§1.15), for its full-access users; other partners' records never match. */
@ApiTags('audit')
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @ApiOperation({ summary: "Read the partner's audit trail, newest first (§1.15)" })
  @ZodResponse({ status: 200, type: AuditPageDto })
  @Get()
  @Cabinet('AUDIT_VIEW')
  list(@CurrentActor() actor: CabinetActor, @Query() query: AuditQueryDto) {
    return this.audit.page('PARTNER', actor.partnerId, query);
  }
}

/** The bank's view: one partner's trail, or every record when partnerId is omitted. */
@ApiTags('operator: audit')
@ApiBearerAuth('operator')
@UseGuards(OperatorAuthGuard)
@Controller('v1/operator/audit')
export class OperatorAuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @ApiOperation({ summary: "Read any partner's audit trail, newest first" })
  @ZodResponse({ status: 200, type: AuditPageDto })
  @Get()
  list(@Query() query: OperatorAuditQueryDto) {
    return this.audit.page('OPERATOR', query.partnerId, query);
  }
}

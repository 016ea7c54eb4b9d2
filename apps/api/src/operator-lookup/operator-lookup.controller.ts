import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { OperatorAuthGuard } from '../operator/operator-auth.guard';
import { OperatorLookupPageDto, OperatorLookupQuery } from './dto/operator-lookup.dto';
import { OperatorLookupService } from './operator-lookup.service';

/** The bank's desk: which partner, application, user or request a BIN, e-mail or phone belongs to. */
@ApiTags('operator: look-up')
@ApiBearerAuth('operator')
@UseGuards(OperatorAuthGuard)
@Controller('v1/operator/lookup')
export class OperatorLookupController {
  constructor(private readonly lookup: OperatorLookupService) {}

  @ApiOperation({
    summary: 'Find partners and applications by BIN, users and sub-user requests by e-mail or phone',
    description: 'Exactly one of `bin`, `email`, `phone`; e-mail and phone are normalised as at registration (any common phone spelling). Newest first.',
  })
  @ZodResponse({ status: 200, type: OperatorLookupPageDto })
  @Get()
  find(@Query() query: OperatorLookupQuery) {
    return this.lookup.find(query);
  }
}

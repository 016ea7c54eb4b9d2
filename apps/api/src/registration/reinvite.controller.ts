import { Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { ApiProblems } from '../openapi/api-problems';
import { ReinvitedDto } from './dto/registration-responses.dto';
import { UuidParam } from '../common/uuid-param';
import { OperatorAuthGuard } from '../operator/operator-auth.guard';
import { ReinviteService } from './reinvite.service';

@ApiTags('operator: users')
@ApiBearerAuth('operator')
@UseGuards(OperatorAuthGuard)
@Controller('v1/operator/users')
export class ReinviteController {
  constructor(private readonly reinvites: ReinviteService) {}

  /** A new registration link for a user whose invitation expired or locked; the old link dies. */
  @ApiOperation({ summary: 'Send a user a new registration link' })
  @ZodResponse({ status: 202, type: ReinvitedDto })
  @ApiProblems(409)
  @Post(':userId/reinvite')
  @HttpCode(202)
  reinvite(@UuidParam('userId') userId: string) {
    return this.reinvites.reinvite(userId);
  }
}

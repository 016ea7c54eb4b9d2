import { Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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
  @Post(':userId/reinvite')
  @HttpCode(202)
  reinvite(@UuidParam('userId') userId: string) {
    return this.reinvites.reinvite(userId);
  }
}

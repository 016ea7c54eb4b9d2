import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { ApiProblems } from '../openapi/api-problems';
import { MeDto } from './dto/auth-responses.dto';
import { CurrentActor, type CabinetActor } from '../auth/cabinet-actor';
import { Cabinet } from '../auth/cabinet-auth.guard';
import { Caller, type ClientInfo } from '../login-protection/client-info';
import { ChangePasswordDto } from './dto/auth.dto';
import { MeService } from './me.service';
import { PasswordChangeService } from './password-change.service';

/** The signed-in user's own account: who they are (§1.2) and their password (§1.12). */
@ApiTags('authentication')
@Controller('v1')
export class AccountController {
  constructor(
    private readonly meService: MeService,
    private readonly passwords: PasswordChangeService,
  ) {}

  @ApiOperation({ summary: 'Who the signed-in user is, with their permissions (§1.2)' })
  @ZodResponse({ status: 200, type: MeDto })
  @Get('me')
  @Cabinet('PROFILE_VIEW')
  me(@CurrentActor() actor: CabinetActor) {
    return this.meService.me(actor);
  }

  /** 204; 400 for a wrong current password or each unmet rule of the new one. Other sessions end. */
  @ApiOperation({ summary: 'Change the password; other sessions end (§1.12)' })
  @ApiResponse({ status: 204, description: 'Changed; every other session of the user has ended.' })
  @ApiProblems(429)
  @Post('auth/password')
  @HttpCode(204)
  @Cabinet('PASSWORD_CHANGE')
  async changePassword(@CurrentActor() actor: CabinetActor, @Body() body: ChangePasswordDto, @Caller() client: ClientInfo): Promise<void> {
    await this.passwords.change(actor, body.currentPassword, body.newPassword, client);
  }
}

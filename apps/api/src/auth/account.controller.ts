import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Caller, type ClientInfo } from '../common/client-info';
import { answer } from '../common/problem';
import { ApiProblems } from '../openapi/api-problems';
import { CurrentActor, type CabinetActor } from './cabinet-actor';
import { Cabinet } from './cabinet-auth.guard';
import { MeDto } from './dto/auth-responses.dto';
import { ChangePasswordDto } from './dto/auth.dto';
import { MeUseCase } from './me/me.use-case';
import { PasswordChangeUseCase } from './password-change/password-change.use-case';

/** The signed-in user's own account: who they are (§1.2) and their password (§1.12). */
@ApiTags('authentication')
@Controller('v1')
export class AccountController {
  constructor(
    private readonly meUseCase: MeUseCase,
    private readonly passwordChange: PasswordChangeUseCase,
  ) {}

  @ApiOperation({ summary: 'Who the signed-in user is, with their permissions (§1.2)' })
  @ZodResponse({ status: 200, type: MeDto })
  @Get('me')
  @Cabinet('PROFILE_VIEW')
  me(@CurrentActor() actor: CabinetActor) {
    return this.meUseCase.execute(actor);
  }

  /** 204; 400 for a wrong current password or each unmet rule of the new one. Other sessions end. */
  @ApiOperation({ summary: 'Change the password; other sessions end (§1.12)' })
  @ApiResponse({ status: 204, description: 'Changed; every other session of the user has ended.' })
  @ApiProblems(429)
  @Post('auth/password')
  @HttpCode(204)
  @Cabinet('PASSWORD_CHANGE')
  async changePassword(@CurrentActor() actor: CabinetActor, @Body() body: ChangePasswordDto, @Caller() client: ClientInfo): Promise<void> {
    answer(await this.passwordChange.execute({ actor, currentPassword: body.currentPassword, newPassword: body.newPassword, client }));
  }
}

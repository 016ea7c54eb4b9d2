import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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

  @Get('me')
  @Cabinet('PROFILE_VIEW')
  me(@CurrentActor() actor: CabinetActor) {
    return this.meService.me(actor);
  }

  /** 204; 400 for a wrong current password or each unmet rule of the new one. Other sessions end. */
  @Post('auth/password')
  @HttpCode(204)
  @Cabinet('PASSWORD_CHANGE')
  async changePassword(@CurrentActor() actor: CabinetActor, @Body() body: ChangePasswordDto, @Caller() client: ClientInfo): Promise<void> {
    await this.passwords.change(actor, body.currentPassword, body.newPassword, client);
  }
}

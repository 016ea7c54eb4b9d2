import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SetPasswordDto, VerifyCodeDto } from './dto/registration.dto';
import { LinkTokenPipe } from './registration-token.pipe';
import { RegistrationService } from './registration.service';

/** No session: the e-mailed link's token identifies the registration (§1.5). */
@ApiTags('registration')
@Controller('v1/registrations/:token')
export class RegistrationController {
  constructor(private readonly registrations: RegistrationService) {}

  @Get()
  status(@Param('token', LinkTokenPipe) token: string) {
    return this.registrations.status(token);
  }

  /** Sends the SMS code (§1.7); a resend waits out the cooldown (429). */
  @Post('code')
  @HttpCode(202)
  code(@Param('token', LinkTokenPipe) token: string) {
    return this.registrations.requestCode(token);
  }

  @Post('verify')
  @HttpCode(200)
  verify(@Param('token', LinkTokenPipe) token: string, @Body() body: VerifyCodeDto) {
    return this.registrations.verify(token, body.code);
  }

  /** Sets the password (§1.7, §1.10); 400 lists every unmet rule. */
  @Post('password')
  @HttpCode(200)
  password(@Param('token', LinkTokenPipe) token: string, @Body() body: SetPasswordDto) {
    return this.registrations.setPassword(token, body.password);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { ApiProblems } from '../openapi/api-problems';
import { CodeSentDto, CodeVerifiedDto, RegisteredDto, RegistrationViewDto } from './dto/registration-responses.dto';
import { SetPasswordDto, VerifyCodeDto } from './dto/registration.dto';
import { LinkTokenPipe } from './registration-token.pipe';
import { RegistrationService } from './registration.service';

/** No session: the e-mailed link's token identifies the registration (§1.5). */
@ApiTags('registration')
@Controller('v1/registrations/:token')
export class RegistrationController {
  constructor(private readonly registrations: RegistrationService) {}

  @ApiOperation({ summary: 'Read a registration by its e-mailed link' })
  @ApiResponse({ status: 200, type: RegistrationViewDto })
  @Get()
  status(@Param('token', LinkTokenPipe) token: string) {
    return this.registrations.status(token);
  }

  /** Sends the SMS code (§1.7); a resend waits out the cooldown (429). */
  @ApiOperation({ summary: 'Send the registration SMS code (§1.7)' })
  @ZodResponse({ status: 202, type: CodeSentDto })
  @ApiProblems(409, 429)
  @Post('code')
  @HttpCode(202)
  code(@Param('token', LinkTokenPipe) token: string) {
    return this.registrations.requestCode(token);
  }

  @ApiOperation({ summary: 'Verify the registration SMS code' })
  @ZodResponse({ status: 200, type: CodeVerifiedDto })
  @ApiProblems(409, 410)
  @Post('verify')
  @HttpCode(200)
  verify(@Param('token', LinkTokenPipe) token: string, @Body() body: VerifyCodeDto) {
    return this.registrations.verify(token, body.code);
  }

  /** Sets the password (§1.7, §1.10); 400 lists every unmet rule. */
  @ApiOperation({ summary: 'Set the password and activate the user (§1.7, §1.10)' })
  @ZodResponse({ status: 200, type: RegisteredDto })
  @ApiProblems(409)
  @Post('password')
  @HttpCode(200)
  password(@Param('token', LinkTokenPipe) token: string, @Body() body: SetPasswordDto) {
    return this.registrations.setPassword(token, body.password);
  }
}

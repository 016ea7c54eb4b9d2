import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { answer } from '../common/problem';
import { ApiProblems } from '../openapi/api-problems';
import { CodeSentDto, CodeVerifiedDto, RegisteredDto, RegistrationViewDto } from './dto/registration-responses.dto';
import { SetPasswordDto, VerifyCodeDto } from './dto/registration.dto';
import { RequestRegistrationCodeUseCase } from './request-code/request-registration-code.use-case';
import { LinkTokenPipe } from './registration-token';
import { SetRegistrationPasswordUseCase } from './set-password/set-registration-password.use-case';
import { VerifyRegistrationCodeUseCase } from './verify-code/verify-registration-code.use-case';
import { RegistrationViewUseCase } from './view/registration-view.use-case';

/** No session: the e-mailed link's token identifies the registration (§1.5). */
@ApiTags('registration')
@Controller('v1/registrations/:token')
export class RegistrationController {
  constructor(
    private readonly viewing: RegistrationViewUseCase,
    private readonly codeRequest: RequestRegistrationCodeUseCase,
    private readonly codeCheck: VerifyRegistrationCodeUseCase,
    private readonly passwordSet: SetRegistrationPasswordUseCase,
  ) {}

  @ApiOperation({ summary: 'Read a registration by its e-mailed link' })
  @ApiResponse({ status: 200, type: RegistrationViewDto })
  @Get()
  async status(@Param('token', LinkTokenPipe) token: string) {
    return answer(await this.viewing.execute(token));
  }

  /** Sends the SMS code (§1.7); a resend waits out the cooldown (429). */
  @ApiOperation({ summary: 'Send the registration SMS code (§1.7)' })
  @ZodResponse({ status: 202, type: CodeSentDto })
  @ApiProblems(409, 429)
  @Post('code')
  @HttpCode(202)
  async code(@Param('token', LinkTokenPipe) token: string) {
    return answer(await this.codeRequest.execute(token));
  }

  @ApiOperation({ summary: 'Verify the registration SMS code' })
  @ZodResponse({ status: 200, type: CodeVerifiedDto })
  @ApiProblems(409, 410)
  @Post('verify')
  @HttpCode(200)
  async verify(@Param('token', LinkTokenPipe) token: string, @Body() body: VerifyCodeDto) {
    return answer(await this.codeCheck.execute(token, body.code));
  }

  /** Sets the password (§1.7, §1.10); 400 lists every unmet rule. */
  @ApiOperation({ summary: 'Set the password and activate the user (§1.7, §1.10)' })
  @ZodResponse({ status: 200, type: RegisteredDto })
  @ApiProblems(409)
  @Post('password')
  @HttpCode(200)
  async password(@Param('token', LinkTokenPipe) token: string, @Body() body: SetPasswordDto) {
    return answer(await this.passwordSet.execute(token, body.password));
  }
}

import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Caller, type ClientInfo } from '../common/client-info';
import { answer } from '../common/problem';
import { ApiProblems } from '../openapi/api-problems';
import { CodeSentDto, CodeVerifiedDto } from '../registration/dto/registration-responses.dto';
import { RecoveryDoneDto, RecoveryRequestedDto, RecoveryViewDto } from './dto/recovery-responses.dto';
import { RecoveryCodeDto, RecoveryPasswordDto, RecoveryRequestDto } from './dto/recovery.dto';
import { RecoveryTokenPipe } from './recovery-token';
import { RequestRecoveryCodeUseCase } from './request-code/request-recovery-code.use-case';
import { RequestRecoveryUseCase } from './request/request-recovery.use-case';
import { SetRecoveryPasswordUseCase } from './set-password/set-recovery-password.use-case';
import { VerifyRecoveryCodeUseCase } from './verify-code/verify-recovery-code.use-case';
import { RecoveryViewUseCase } from './view/recovery-view.use-case';

/**
 * Password recovery (§1.12), no session: the login starts it, then the e-mailed
 * link's token identifies it. Recovery runs on the registration machine, so its
 * refusals carry REGISTRATION.* codes (cooldown, expired or superseded code).
 */
@ApiTags('authentication')
@Controller('v1/auth/recovery')
export class RecoveryController {
  constructor(
    private readonly start: RequestRecoveryUseCase,
    private readonly viewing: RecoveryViewUseCase,
    private readonly codeRequest: RequestRecoveryCodeUseCase,
    private readonly codeCheck: VerifyRecoveryCodeUseCase,
    private readonly passwordSet: SetRecoveryPasswordUseCase,
  ) {}

  /** The same 202 whether or not the login exists; 429 when too many were requested. */
  @ApiOperation({ summary: 'Start password recovery: e-mail a link (§1.12)' })
  @ZodResponse({ status: 202, type: RecoveryRequestedDto })
  @ApiProblems(429)
  @Post()
  @HttpCode(202)
  async request(@Body() body: RecoveryRequestDto, @Caller() client: ClientInfo) {
    return answer(await this.start.execute(body.login, client));
  }

  @ApiOperation({ summary: 'Read a recovery by its e-mailed link' })
  @ApiResponse({ status: 200, type: RecoveryViewDto })
  @Get(':token')
  async status(@Param('token', RecoveryTokenPipe) token: string) {
    return answer(await this.viewing.execute(token));
  }

  /** Sends the SMS code; a resend waits the cooldown (429). */
  @ApiOperation({ summary: 'Send the recovery SMS code' })
  @ZodResponse({ status: 202, type: CodeSentDto })
  @ApiProblems(409, 429)
  @Post(':token/code')
  @HttpCode(202)
  async code(@Param('token', RecoveryTokenPipe) token: string) {
    return answer(await this.codeRequest.execute(token));
  }

  @ApiOperation({ summary: 'Verify the recovery SMS code' })
  @ZodResponse({ status: 200, type: CodeVerifiedDto })
  @ApiProblems(409, 410, 429)
  @Post(':token/verify')
  @HttpCode(200)
  async verify(@Param('token', RecoveryTokenPipe) token: string, @Body() body: RecoveryCodeDto, @Caller() client: ClientInfo) {
    return answer(await this.codeCheck.execute(token, body.code, client));
  }

  /** The new password (§1.10); 400 lists every unmet rule. Every session of the user ends. */
  @ApiOperation({ summary: 'Set the new password; every session ends (§1.10)' })
  @ZodResponse({ status: 200, type: RecoveryDoneDto })
  @ApiProblems(409)
  @Post(':token/password')
  @HttpCode(200)
  async password(@Param('token', RecoveryTokenPipe) token: string, @Body() body: RecoveryPasswordDto, @Caller() client: ClientInfo) {
    return answer(await this.passwordSet.execute(token, body.password, client));
  }
}

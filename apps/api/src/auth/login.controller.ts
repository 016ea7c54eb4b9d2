import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { Caller, type ClientInfo } from '../common/client-info';
import { answer } from '../common/problem';
import { UuidParam } from '../common/uuid-param';
import { ApiProblems } from '../openapi/api-problems';
import { ChallengeDto } from '../openapi/common-responses.dto';
import { CurrentActor, type CabinetActor } from './cabinet-actor';
import { Cabinet } from './cabinet-auth.guard';
import { CodeLoginUseCase } from './code-login/code-login.use-case';
import { CodeVerifyUseCase } from './code-verify/code-verify.use-case';
import { SessionDto } from './dto/auth-responses.dto';
import { CodeLoginDto, LoginDto, VerifyLoginCodeDto } from './dto/auth.dto';
import { LogoutUseCase } from './logout/logout.use-case';
import { PasswordLoginUseCase } from './password-login/password-login.use-case';

/** Sign-in and sign-out (§1.16, §2.9). No session needed, except to end one. */
@ApiTags('authentication')
@Controller('v1/auth')
export class LoginController {
  constructor(
    private readonly passwordLogin: PasswordLoginUseCase,
    private readonly codeLogin: CodeLoginUseCase,
    private readonly codeVerify: CodeVerifyUseCase,
    private readonly logoutUseCase: LogoutUseCase,
  ) {}

  /** 401 with the same body for an unknown login, a wrong password, a locked or a blocked user. */
  @ApiOperation({ summary: 'Sign in with login and password (§1.16)' })
  @ApiResponse({ status: 200, type: SessionDto })
  @ApiProblems(401, 429)
  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Caller() client: ClientInfo) {
    return answer(await this.passwordLogin.execute({ login: body.login, password: body.password, client }));
  }

  /** Sends a sign-in code by SMS (§1.4); the same 202 for every login. 429 when too many were sent. */
  @ApiOperation({ summary: 'Send a sign-in code by SMS (§1.4)' })
  @ZodResponse({ status: 202, type: ChallengeDto })
  @ApiProblems(429)
  @Post('otp')
  @HttpCode(202)
  async otp(@Body() body: CodeLoginDto, @Caller() client: ClientInfo) {
    return answer(await this.codeLogin.execute({ login: body.login, client }));
  }

  @ApiOperation({ summary: 'Sign in with the SMS code' })
  @ApiResponse({ status: 200, type: SessionDto })
  @ApiProblems(401, 410, 429)
  @Post('otp/:challengeId/verify')
  @HttpCode(200)
  async verify(@UuidParam('challengeId') challengeId: string, @Body() body: VerifyLoginCodeDto, @Caller() client: ClientInfo) {
    return answer(await this.codeVerify.execute({ challengeId, code: body.code, client }));
  }

  /** Ends this session at once (§1.11). */
  @ApiOperation({ summary: 'End this session (§1.11)' })
  @Post('logout')
  @HttpCode(204)
  @Cabinet()
  async logout(@CurrentActor() actor: CabinetActor, @Caller() client: ClientInfo): Promise<void> {
    await this.logoutUseCase.execute(actor, client);
  }
}

import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { ApiProblems } from '../openapi/api-problems';
import { ChallengeDto } from '../openapi/common-responses.dto';
import { SessionDto } from './dto/auth-responses.dto';
import { AuditService } from '../../../../libs/infra/src/audit/audit.service';
import { PrismaService } from '../../../../libs/infra/src/prisma/prisma.service';
import type { CabinetActor } from '../auth/cabinet-actor';
import { CurrentActor } from '../auth/cabinet-actor';
import { Cabinet } from '../auth/cabinet-auth.guard';
import { SessionService } from '../auth/session.service';
import { UuidParam } from '../common/uuid-param';
import { Caller, type ClientInfo } from '../login-protection/client-info';
import { CodeLoginService } from './code-login.service';
import { CodeVerifyService } from './code-verify.service';
import { CodeLoginDto, LoginDto, VerifyLoginCodeDto } from './dto/auth.dto';
import { PasswordLoginService } from './password-login.service';

/** Sign-in and sign-out (§1.16, §2.9). No session needed, except to end one. */
@ApiTags('authentication')
@Controller('v1/auth')
export class LoginController {
  constructor(
    private readonly passwordLogin: PasswordLoginService,
    private readonly codeLogin: CodeLoginService,
    private readonly codeVerify: CodeVerifyService,
    private readonly sessions: SessionService,
    private readonly audit: AuditService,
    private readonly prisma: PrismaService,
  ) {}

  /** 401 with the same body for an unknown login, a wrong password, a locked or a blocked user. */
  @ApiOperation({ summary: 'Sign in with login and password (§1.16)' })
  @ApiResponse({ status: 200, type: SessionDto })
  @ApiProblems(401, 429)
  @Post('login')
  @HttpCode(200)
  login(@Body() body: LoginDto, @Caller() client: ClientInfo) {
    return this.passwordLogin.login(body.login, body.password, client);
  }

  /** Sends a sign-in code by SMS (§1.4); the same 202 for every login. 429 when too many were sent. */
  @ApiOperation({ summary: 'Send a sign-in code by SMS (§1.4)' })
  @ZodResponse({ status: 202, type: ChallengeDto })
  @ApiProblems(429)
  @Post('otp')
  @HttpCode(202)
  otp(@Body() body: CodeLoginDto, @Caller() client: ClientInfo) {
    return this.codeLogin.start(body.login, client);
  }

  @ApiOperation({ summary: 'Sign in with the SMS code' })
  @ApiResponse({ status: 200, type: SessionDto })
  @ApiProblems(401, 410, 429)
  @Post('otp/:challengeId/verify')
  @HttpCode(200)
  verify(@UuidParam('challengeId') challengeId: string, @Body() body: VerifyLoginCodeDto, @Caller() client: ClientInfo) {
    return this.codeVerify.verify(challengeId, body.code, client);
  }

  /** Ends this session at once (§1.11). */
  @ApiOperation({ summary: 'End this session (§1.11)' })
  @Post('logout')
  @HttpCode(204)
  @Cabinet()
  async logout(@CurrentActor() actor: CabinetActor, @Caller() client: ClientInfo): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await this.sessions.revoke(tx, actor.sessionId, 'LOGOUT');
      await this.audit.append(tx, {
        actorType: 'USER',
        actorId: actor.userId,
        partnerId: actor.partnerId,
        action: 'auth.logout',
        targetType: 'SESSION',
        targetId: actor.sessionId,
        outcome: 'SUCCESS',
        requestId: client.requestId,
        clientAddress: client.address,
        details: { method: actor.authMethod },
      });
    });
  }
}

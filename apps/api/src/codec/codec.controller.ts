import { Body, Controller, Delete, Get, Header, HttpCode, Inject, Post, Req, Res, UnauthorizedException, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeEndpoint, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { ApiProblems } from '../openapi/api-problems';
import type { Payload } from '@temporalio/common';
import type { Request, Response } from 'express';
import { domainError } from '@domain/domain-error';
import { EncryptionCodec } from '@infra/temporal/encryption-codec';
import { payloadFromJson, payloadToJson } from '@infra/temporal/payload-json';
import { ENV } from '@infra/tokens';
import { DomainProblem } from '../common/problem';
import type { ApiEnv } from '../config/api-env';
import { OperatorAuthGuard, type OperatorIdentity } from '../operator/operator-auth.guard';
import { CodecAuthGuard } from './codec-auth.guard';
import { CODEC_PAGE_CSP, codecLoginPage, codecSignedInPage } from './codec-login-page';
import { CodecSessionDto, CodecSignInDto, PayloadsDto, PayloadsResultDto } from './codec.dto';
import { CODEC_COOKIE, OperatorCodecSession } from './operator-codec-session';

/**
 * Temporal's remote codec protocol (POST <endpoint>/encode, /decode), for the
 * Temporal UI (`--ui-codec-endpoint`) and CLI (`--codec-endpoint`): history stays
 * encrypted in Temporal and is decrypted here, for bank operators only.
 */
@ApiTags('operator: payload codec')
@Controller('codec')
export class CodecController {
  constructor(
    private readonly codec: EncryptionCodec,
    private readonly operators: OperatorAuthGuard,
    private readonly sessions: OperatorCodecSession,
    @Inject(ENV) private readonly env: ApiEnv,
  ) {}

  @ApiOperation({ summary: 'Decrypt Temporal payloads (remote codec)' })
  @ZodResponse({ status: 200, type: PayloadsResultDto })
  @ApiProblems(422)
  @Post('decode')
  @HttpCode(200)
  @UseGuards(CodecAuthGuard)
  @ApiBearerAuth('operator')
  decode(@Body() body: PayloadsDto) {
    return this.convert(body, (payloads) => this.codec.decode(payloads));
  }

  @ApiOperation({ summary: 'Encrypt Temporal payloads (remote codec)' })
  @ZodResponse({ status: 200, type: PayloadsResultDto })
  @ApiProblems(422)
  @Post('encode')
  @HttpCode(200)
  @UseGuards(CodecAuthGuard)
  @ApiBearerAuth('operator')
  encode(@Body() body: PayloadsDto) {
    return this.convert(body, (payloads) => this.codec.encode(payloads));
  }

  @Get('login')
  @ApiExcludeEndpoint()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Content-Security-Policy', CODEC_PAGE_CSP)
  @Header('Cache-Control', 'no-store')
  loginPage(): string {
    return codecLoginPage();
  }

  /** Signs this browser in for the codec (form from /codec/login, or JSON `{token}`); sets an HttpOnly cookie. */
  @ApiOperation({ summary: 'Sign this browser in for the codec (HttpOnly cookie)' })
  @ApiResponse({ status: 200, type: CodecSessionDto })
  @ApiProblems(401)
  @Post('session')
  @HttpCode(200)
  signIn(@Body() body: CodecSignInDto, @Req() req: Request & { operator?: OperatorIdentity }, @Res({ passthrough: true }) res: Response) {
    const operator = this.operators.identify(body.token);
    if (!operator) throw new UnauthorizedException('operator token required');
    req.operator = operator;
    const { value, expiresAt } = this.sessions.issue(operator);
    res.cookie(CODEC_COOKIE, value, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/codec', expires: expiresAt });
    res.setHeader('Cache-Control', 'no-store');
    if (!req.is('application/x-www-form-urlencoded')) return { operatorId: operator.operatorId, expiresAt: expiresAt.toISOString() };
    res.type('html').setHeader('Content-Security-Policy', CODEC_PAGE_CSP);
    return codecSignedInPage(operator.operatorId, expiresAt, this.env.TEMPORAL_UI_URL ?? this.env.CODEC_CORS_ORIGINS[0]!);
  }

  @ApiOperation({ summary: 'Sign this browser out of the codec' })
  @Delete('session')
  @HttpCode(204)
  signOut(@Res({ passthrough: true }) res: Response): void {
    res.clearCookie(CODEC_COOKIE, { path: '/codec' });
  }

  private async convert(body: PayloadsDto, run: (payloads: Payload[]) => Promise<Payload[]>) {
    try {
      const converted = await run(body.payloads.map(payloadFromJson));
      return { payloads: converted.map(payloadToJson) };
    } catch {
      // Unknown key id or a ciphertext that fails authentication: say so, without details.
      throw new DomainProblem(domainError('CODEC.UNDECODABLE', 'UNPROCESSABLE', 'a payload could not be decrypted with the configured keys'));
    }
  }
}

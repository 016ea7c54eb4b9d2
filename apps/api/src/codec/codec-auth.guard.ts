import { CanActivate, HttpException, Injectable, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { problem } from '../common/problem';
import { OperatorAuthGuard, type OperatorIdentity } from '../operator/operator-auth.guard';
import { OperatorCodecSession } from './operator-codec-session';

/**
 * Only bank operators may have payloads decoded: by operator token (`temporal`
 * CLI: `--codec-auth 'Bearer <token>'`), or by the cookie of a browser sign-in
 * (the Temporal UI). A cabinet session key is neither, so it gets a 401.
 */
@Injectable()
export class CodecAuthGuard implements CanActivate {
  constructor(
    private readonly operators: OperatorAuthGuard,
    private readonly sessions: OperatorCodecSession,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request & { operator?: OperatorIdentity }>();
    const operator = req.headers.authorization
      ? this.fromToken(context)
      : this.sessions.verify(OperatorCodecSession.read(req.headers.cookie));
    if (!operator) throw refusal(req);
    req.operator = operator;
    return true;
  }

  private fromToken(context: ExecutionContext): OperatorIdentity | null {
    try {
      this.operators.canActivate(context);
      return context.switchToHttp().getRequest<{ operator?: OperatorIdentity }>().operator ?? null;
    } catch {
      return null;
    }
  }
}

/**
 * The Temporal UI takes `payloads` from whatever the codec answers: handing back
 * what it sent makes it show them still encrypted rather than show nothing.
 */
function refusal(req: Request): HttpException {
  const sent = (req.body as { payloads?: unknown } | undefined)?.payloads;
  const body = problem(401, 'operator token required', { code: 'CODEC.OPERATOR_REQUIRED', payloads: Array.isArray(sent) ? sent : [] });
  return new HttpException(body, 401);
}

import { CanActivate, HttpException, Injectable, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { problem } from '../common/problem';
import { OperatorAuthGuard, type OperatorIdentity } from '../operator/operator-auth.guard';
import { OperatorCodecSession } from './operator-codec-session';

/**
 * Only bank operators may have payloads decoded: by operator token (`temporal`
 * CLI: `--codec-auth 'Bearer <token>'`), or by the cookie of a browser sign-in
 * (the Temporal UI). A cabinet session key is neither, so it gets a 401.
 * codecAuthBeforeBody asks the same question before the body is read; this guard
 * asks again at the route, so the rule holds whatever the middleware order.
 */
@Injectable()
export class CodecAuthGuard implements CanActivate {
  constructor(
    private readonly operators: OperatorAuthGuard,
    private readonly sessions: OperatorCodecSession,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request & { operator?: OperatorIdentity }>();
    const operator = this.identify(req);
    if (!operator) throw codecRefusal();
    req.operator = operator;
    return true;
  }

  /** The operator behind the request's bearer token or, without one, its sign-in cookie; else null. */
  identify(req: Pick<Request, 'headers'>): OperatorIdentity | null {
    const authorization = req.headers.authorization;
    if (!authorization) return this.sessions.verify(OperatorCodecSession.read(req.headers.cookie));
    const match = /^Bearer ([\x21-\x7e]{1,512})$/.exec(authorization);
    return match ? this.operators.identify(match[1]!) : null;
  }
}

/**
 * Nothing of the request is echoed (a 2 MB body would come back whole). The Temporal
 * UI keeps showing the ciphertext it has when its codec call fails: the refusal from
 * codecAuthBeforeBody carries no CORS grant, so the browser's fetch rejects.
 */
export const codecRefusal = () => new HttpException(problem(401, 'operator token required', { code: 'CODEC.OPERATOR_REQUIRED' }), 401);

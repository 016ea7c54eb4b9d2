import { CanActivate, Inject, Injectable, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { ENV } from '@infra/tokens';
import type { ApiEnv } from '../config/api-env';
import { operatorActorId } from './operator-credentials';

export interface OperatorIdentity {
  /** `operator:<name>` from OPERATOR_TOKENS: who acted, in the audit trail and on decisions. */
  operatorId: string;
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Bank operator calls carry a configured operator token. Compared in constant
 * time over digests (equal length whatever was sent); cabinet session keys never match.
 */
@Injectable()
export class OperatorAuthGuard implements CanActivate {
  private readonly tokens: { digest: Buffer; id: string }[];

  constructor(@Inject(ENV) env: ApiEnv) {
    this.tokens = env.OPERATORS.map((o) => ({ digest: digest(o.token), id: operatorActorId(o.name) }));
  }

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request & { operator?: OperatorIdentity }>();
    const match = /^Bearer ([\x21-\x7e]{1,512})$/.exec(req.headers.authorization ?? '');
    const operator = match ? this.identify(match[1]!) : null;
    if (!operator) throw new UnauthorizedException('operator token required');
    req.operator = operator;
    return true;
  }

  /** The operator a token belongs to, or null; every configured token is compared, each in constant time. */
  identify(token: string): OperatorIdentity | null {
    const given = digest(token);
    let found: string | null = null;
    for (const t of this.tokens) if (timingSafeEqual(t.digest, given)) found = t.id;
    return found ? { operatorId: found } : null;
  }

  /** Whether an operator id still has a configured token (a removed token ends its sign-ins too). */
  isConfigured(operatorId: string): boolean {
    return this.tokens.some((t) => t.id === operatorId);
  }
}

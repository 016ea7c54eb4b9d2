import { CanActivate, Inject, Injectable, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { ENV } from '../../../../libs/infra/src/tokens';
import type { ApiEnv } from '../config/api-env';

export interface OperatorIdentity {
  /** A stable, non-secret name for the token used (its digest prefix), for audit. */
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
    this.tokens = env.OPERATOR_TOKENS.map((t) => ({ digest: digest(t), id: `operator-${digest(t).toString('hex').slice(0, 8)}` }));
  }

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request & { operator?: OperatorIdentity }>();
    const match = /^Bearer ([\x21-\x7e]{1,512})$/.exec(req.headers.authorization ?? '');
    if (!match) throw new UnauthorizedException('operator token required');
    const given = digest(match[1]!);
    let found: string | null = null;
    for (const token of this.tokens) if (timingSafeEqual(token.digest, given)) found = token.id;
    if (!found) throw new UnauthorizedException('operator token required');
    req.operator = { operatorId: found };
    return true;
  }
}

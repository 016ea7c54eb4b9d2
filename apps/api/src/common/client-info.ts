import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** Who is calling, for rate limits and the audit: never a secret. */
export interface ClientInfo {
  /** The TCP peer's address; behind a proxy listed in TRUSTED_PROXIES, the client address it reports. */
  address: string;
  userAgent?: string;
  requestId?: string;
}

export const clientInfo = (req: Request & { id?: unknown }): ClientInfo => ({
  address: req.ip ?? req.socket.remoteAddress ?? 'unknown',
  userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : undefined,
  requestId: typeof req.id === 'string' ? req.id : undefined,
});

/** Injects the ClientInfo of the request. */
export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): ClientInfo => clientInfo(ctx.switchToHttp().getRequest()));

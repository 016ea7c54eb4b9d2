import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { ENV } from '@infra/tokens';
import type { ApiEnv } from '../config/api-env';

/**
 * The Temporal UI calls /codec from the operator's browser, from its own origin.
 * Only the configured UI origins may, with credentials (the sign-in cookie) and
 * the headers the UI sends; every other origin gets no CORS grant at all.
 */
@Injectable()
export class CodecCorsMiddleware implements NestMiddleware {
  private readonly origins: Set<string>;

  constructor(@Inject(ENV) env: ApiEnv) {
    this.origins = new Set(env.CODEC_CORS_ORIGINS);
  }

  use(req: Request, res: Response, next: NextFunction): void {
    const origin = req.headers.origin;
    res.setHeader('Vary', 'Origin');
    const allowed = typeof origin === 'string' && this.origins.has(origin);
    if (allowed) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
    }
    if (req.method !== 'OPTIONS') return next();
    if (allowed) {
      res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Namespace');
      res.setHeader('Access-Control-Max-Age', '600');
    }
    res.status(204).end();
  }
}

import type { RequestHandler } from 'express';
import { codecRefusal, type CodecAuthGuard } from './codec-auth.guard';

/** The codec routes that take payloads (up to 8 MB); Express matches routes case-insensitively, so do we. */
const PAYLOAD_ROUTE = /^\/codec\/(en|de)code\/?$/i;

/**
 * Mounted before the body parsers: an unauthenticated encode/decode is refused before
 * its body is parsed or validated, so a stranger costs no parsing of 8 MB of JSON.
 */
export function codecAuthBeforeBody(guard: CodecAuthGuard): RequestHandler {
  return (req, _res, next) => {
    if (req.method !== 'POST' || !PAYLOAD_ROUTE.test(req.path)) return next();
    next(guard.identify(req) ? undefined : codecRefusal());
  };
}

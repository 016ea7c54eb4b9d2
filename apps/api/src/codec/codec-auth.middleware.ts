import type { RequestHandler } from 'express';
import { AUDIT_ROUTE } from '../audit/audit-trail.middleware';
import { codecRefusal, type CodecAuthGuard } from './codec-auth.guard';

/** The codec routes that take payloads (up to 8 MB); Express matches routes case-insensitively, so do we. */
const PAYLOAD_ROUTE = /^\/codec\/(en|de)code\/?$/i;

/**
 * Mounted before the body parsers: an unauthenticated encode/decode is refused before
 * its body is parsed or validated, so a stranger costs no parsing of 8 MB of JSON.
 */
export function codecAuthBeforeBody(guard: CodecAuthGuard): RequestHandler {
  return (req, res, next) => {
    const route = req.method === 'POST' ? PAYLOAD_ROUTE.exec(req.path) : null;
    if (!route) return next();
    if (guard.identify(req)) return next();
    res.locals[AUDIT_ROUTE] = `/codec/${route[1]!.toLowerCase()}code`;
    next(codecRefusal());
  };
}

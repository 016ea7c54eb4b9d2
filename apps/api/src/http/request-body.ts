import { HttpException, Logger } from '@nestjs/common';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { bodyProblem } from '../common/problem.filter';

/** Deeper than any body of ours (a codec request is 4 levels): a deep body only serves to exhaust a stack. */
export const MAX_JSON_DEPTH = 32;

/** Bodies other than JSON are taken only where a browser form posts: the codec sign-in page. */
const FORM_ROUTES = /^\/codec\/session\/?$/i;
/** Decompressed by body-parser within the same size limits; brotli and zstd are refused: no client of ours sends them. */
const ENCODINGS = new Set(['identity', 'gzip', 'deflate']);

/** A body-parser style error, so that the filter words it like the parser's own. */
const refusal = (status: number, type: string) => Object.assign(new Error(type), { status, type, expose: true });

const hasBody = (req: Request) => req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;

/**
 * Mounted before the parsers: a non-empty body must be UTF-8 JSON (or the codec sign-in
 * form) in an encoding we decode; anything else is 415 rather than a body left unparsed
 * that validation would report as missing fields. Empty bodies pass: many POSTs carry none.
 */
export const requireJsonBody: RequestHandler = (req, _res, next) => {
  if (!hasBody(req)) return next();
  const encoding = String(req.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  if (!ENCODINGS.has(encoding)) return next(refusal(415, 'encoding.unsupported'));
  const form = FORM_ROUTES.test(req.path) && req.is('application/x-www-form-urlencoded');
  if (!form && !req.is('application/json')) return next(refusal(415, 'media.unsupported'));
  const charset = /;\s*charset="?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1];
  if (charset && charset.toLowerCase() !== 'utf-8') return next(refusal(415, 'charset.unsupported'));
  next();
};

/** Whether raw JSON nests deeper than `max` (strings skipped); a linear scan, before JSON.parse. */
export function jsonDeeperThan(body: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** body-parser's `verify` hook: refuses deep JSON before it is parsed (a 400 with type entity.too.deep). */
export const verifyJsonDepth = (_req: unknown, _res: unknown, body: Buffer): void => {
  if (jsonDeeperThan(body, MAX_JSON_DEPTH)) throw refusal(400, 'entity.too.deep');
};

const logger = new Logger('RequestBody');

/**
 * Mounted right after the parsers: whatever they (or requireJsonBody) refused becomes a
 * problem here, before Nest's error handler would turn JSON.parse's SyntaxError, whose
 * message quotes the body, into a 400 with that message, or a zlib error into a 500.
 */
export const bodyErrorsAsProblems: ErrorRequestHandler = (err, req, _res, next) => {
  const status = (err as { status?: unknown })?.status;
  if (err instanceof HttpException || typeof status !== 'number' || status < 400 || status >= 500) return next(err);
  const body = bodyProblem(err as { status: number; type?: string });
  logger.warn({ requestId: (req as { id?: unknown }).id, type: (err as { type?: unknown }).type, status: body.status }, 'request body refused');
  next(new HttpException(body, body.status));
};

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A caller's own id is kept only if it is short and plain (it is logged and echoed). */
const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

/**
 * The request's id: the one already assigned, the caller's X-Request-Id if plain, or
 * a new UUID; echoed as X-Request-Id. Called by the API's first middleware, so the id
 * exists even on answers that fail before pino-http runs (body parser, /docs), and
 * again by pino-http's genReqId, which then keeps it.
 */
export function assignRequestId(req: IncomingMessage & { id?: unknown }, res: ServerResponse): string {
  if (typeof req.id === 'string') return req.id;
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
  req.id = id;
  res.setHeader('X-Request-Id', id);
  return id;
}

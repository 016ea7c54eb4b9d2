import { Catch, HttpException, Logger, NotFoundException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import type { ZodError } from 'zod';
import { isDomainError } from '@domain/domain-error';
import { DomainProblem, problem, problemFromDomain, type Problem } from './problem';
import { fromTemporalFailure } from './temporal-errors';

/**
 * Every error leaves as application/problem+json. Validation errors list one
 * message per field; unknown errors are logged and answered without internals.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request>();
    const body = this.toProblem(exception, req);
    if (body.status >= 500) this.logger.error({ err: exception, status: body.status }, 'request failed');
    if (body.status === 401) res.setHeader('WWW-Authenticate', 'Bearer');
    if (typeof body.retryAfterMs === 'number') res.setHeader('Retry-After', String(Math.ceil(body.retryAfterMs / 1000)));
    res.status(body.status).type('application/problem+json').json(body);
  }

  private toProblem(exception: unknown, req: Request): Problem {
    if (exception instanceof ZodValidationException) {
      return validationProblem(exception.getZodError() as ZodError);
    }
    if (exception instanceof DomainProblem) return problemFromDomain(exception.error);
    if (isDomainError(exception)) return problemFromDomain(exception);
    const temporal = fromTemporalFailure(exception);
    if (temporal) return temporal;
    if (isBodyParserError(exception)) return bodyProblem(exception);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null && 'type' in response && 'status' in response) {
        return response as Problem;
      }
      if (typeof response === 'object' && response !== null && 'details' in response && (response as { status?: unknown }).status === 'error') {
        // @nestjs/terminus: name each check that failed
        return problem(status, 'not ready', { code: 'SERVICE.NOT_READY', checks: (response as { details: unknown }).details });
      }
      // Express's not-found answer names the path, which may carry an e-mailed token: say it plainly.
      if (exception instanceof NotFoundException && /^Cannot [A-Z]+ \//.test(exception.message)) {
        return problem(404, 'no route matches this method and path', { code: 'REQUEST.NO_ROUTE' });
      }
      const message = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? exception.message);
      return problem(status, Array.isArray(message) ? message.join('; ') : String(message));
    }
    if (isUnavailable(exception)) return problem(503, 'a dependency is unavailable; retry shortly', { code: 'SERVICE.UNAVAILABLE' });
    void req;
    return problem(500, 'unexpected error; the request id identifies it in our logs');
  }
}

/** Issues listed, and characters of a path or message kept: a 10,000-item body must not get a 10,000-item answer. */
const MAX_ISSUES = 50;
const MAX_TEXT = 200;
const clip = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text);

/** Path and message of each issue, never the input (zod issues may carry it, and a key is input too). */
export function validationProblem(error: ZodError): Problem {
  const count = error.issues.length;
  const errors = error.issues.slice(0, MAX_ISSUES).map((issue) => ({ path: clip(issue.path.map(String).join('.')) || '(body)', message: clip(issue.message) }));
  return problem(400, `${count} invalid field${count === 1 ? '' : 's'}`, { code: 'REQUEST.INVALID', errors });
}

/** An error raised while reading a body (body-parser, raw-body, zlib via body-parser): a client error with a status. */
export const isBodyParserError = (e: unknown): e is { status: number; type?: string; code?: string } =>
  typeof e === 'object' &&
  e !== null &&
  !(e instanceof HttpException) &&
  (typeof (e as { type?: unknown }).type === 'string' || /^Z_/.test(String((e as { code?: unknown }).code))) &&
  typeof (e as { status?: unknown }).status === 'number' &&
  (e as { status: number }).status >= 400 &&
  (e as { status: number }).status < 500;

/** Fixed words per body-parser error type: its own messages may quote the body (JSON.parse does). */
const BODY_PROBLEMS: Record<string, [number, string, string]> = {
  'entity.parse.failed': [400, 'REQUEST.MALFORMED_JSON', 'malformed JSON body'],
  'entity.too.deep': [400, 'REQUEST.TOO_DEEP', 'JSON body nested too deeply'],
  'entity.too.large': [413, 'REQUEST.TOO_LARGE', 'request body too large'],
  'parameters.too.many': [413, 'REQUEST.TOO_LARGE', 'too many form fields'],
  'encoding.unsupported': [415, 'REQUEST.UNSUPPORTED_ENCODING', 'unsupported Content-Encoding: send identity, gzip or deflate'],
  'charset.unsupported': [415, 'REQUEST.UNSUPPORTED_CHARSET', 'unsupported charset: send UTF-8'],
  'media.unsupported': [415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'send the body as application/json'],
  'request.aborted': [400, 'REQUEST.ABORTED', 'request aborted before its body was read'],
  'request.size.invalid': [400, 'REQUEST.BODY_UNREADABLE', 'request body shorter or longer than its Content-Length'],
};

export function bodyProblem(e: { status: number; type?: string }): Problem {
  const [status, code, detail] = BODY_PROBLEMS[e.type ?? ''] ?? [
    e.status,
    'REQUEST.BODY_UNREADABLE',
    'request body could not be read (does it match its Content-Encoding?)',
  ];
  return problem(status, detail, { code });
}

/**
 * Database or Temporal unreachable, or no pooled connection within its bound: the
 * client may retry, so 503 rather than 500. P2028 is Prisma's "no connection to start
 * a transaction in time"; "timeout exceeded when trying to connect" is the pool's.
 */
function isUnavailable(e: unknown): boolean {
  const text = `${(e as { name?: string })?.name ?? ''} ${(e as { code?: string })?.code ?? ''} ${(e as Error)?.message ?? ''}`;
  return /ECONNREFUSED|ETIMEDOUT|ECONNRESET|57P01|08006|08001|P1001|P1017|P2028|DatabaseNotReachable|Can't reach database|ServiceError|UNAVAILABLE|DEADLINE_EXCEEDED|Connection terminated|timeout exceeded when trying to connect/i.test(
    text,
  );
}

import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import type { ZodError } from 'zod';
import { isDomainError } from '../../../../libs/domain/src/domain-error';
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
      const message =
        typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? exception.message);
      return problem(status, Array.isArray(message) ? message.join('; ') : String(message));
    }
    if (isBodyParserError(exception)) return problem(exception.status, exception.type === 'entity.parse.failed' ? 'malformed JSON body' : exception.message);
    if (isUnavailable(exception)) return problem(503, 'a dependency is unavailable; retry shortly', { code: 'SERVICE.UNAVAILABLE' });
    void req;
    return problem(500, 'unexpected error; the request id identifies it in our logs');
  }
}

export function validationProblem(error: ZodError): Problem {
  const errors = error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(body)', message: issue.message }));
  return problem(400, `${errors.length} invalid field${errors.length === 1 ? '' : 's'}`, { code: 'REQUEST.INVALID', errors });
}

const isBodyParserError = (e: unknown): e is { status: number; type: string; message: string } =>
  typeof e === 'object' && e !== null && typeof (e as { type?: unknown }).type === 'string' &&
  typeof (e as { status?: unknown }).status === 'number' && (e as { status: number }).status < 500;

/**
 * Database or Temporal unreachable, or no pooled connection within its bound: the
 * client may retry, so 503 rather than 500. P2028 is Prisma's "no connection to start
 * a transaction in time"; "timeout exceeded when trying to connect" is the pool's.
 */
function isUnavailable(e: unknown): boolean {
  const text = `${(e as { name?: string })?.name ?? ''} ${(e as { code?: string })?.code ?? ''} ${(e as Error)?.message ?? ''}`;
  return /ECONNREFUSED|ETIMEDOUT|ECONNRESET|57P01|08006|08001|P1001|P1017|P2028|DatabaseNotReachable|Can't reach database|ServiceError|UNAVAILABLE|DEADLINE_EXCEEDED|Connection terminated|timeout exceeded when trying to connect/i.test(text);
}

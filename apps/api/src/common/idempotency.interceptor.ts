import { applyDecorators, HttpException, Injectable, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { catchError, from, mergeMap, of, throwError, type Observable } from 'rxjs';
import type { CabinetActor } from '../auth/cabinet-actor';
import type { OperatorIdentity } from '../operator/operator-auth.guard';
import { IdempotencyStore } from './idempotency.repository';
import { problem } from './problem';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY = /^[\x21-\x7e]{1,255}$/;

type IdempotentRequest = Request & { actor?: CabinetActor; operator?: OperatorIdentity };

/** JSON with object keys sorted, so the same body always hashes the same. */
const canonical = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(',')}]`
    : value !== null && typeof value === 'object'
      ? `{${Object.keys(value)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : (JSON.stringify(value) ?? 'null');

/** Keys belong to whoever sent them: a cabinet user or an operator. */
const scopeOf = (req: IdempotentRequest): string | null => (req.actor ? `user:${req.actor.userId}` : req.operator ? `operator:${req.operator.operatorId}` : null);

/**
 * `Idempotency-Key` on a creating POST: the first request with a key runs; a repeat with
 * the same body gets the first answer (header `Idempotent-Replayed: true`), with another
 * body 422; a concurrent repeat waits for the first to finish. Runs after the guards,
 * so the key is scoped to the authenticated caller.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<IdempotentRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const key = req.headers[IDEMPOTENCY_HEADER];
    const scope = scopeOf(req);
    if (key === undefined || scope === null) return next.handle();
    if (typeof key !== 'string' || !KEY.test(key)) {
      const message = 'must be 1 to 255 visible ASCII characters';
      throw new HttpException(problem(400, `Idempotency-Key ${message}`, { code: 'IDEMPOTENCY.INVALID_KEY', errors: [{ path: 'Idempotency-Key', message }] }), 400);
    }
    const requestHash = createHash('sha256')
      .update(`${req.method} ${req.originalUrl}\n${canonical(req.body)}`)
      .digest('hex');
    return from(this.store.claim(scope, key, requestHash)).pipe(
      mergeMap((claim) => {
        if (claim.kind === 'replay') {
          res.status(claim.status).setHeader('Idempotent-Replayed', 'true');
          return of(claim.body);
        }
        return next.handle().pipe(
          mergeMap(async (body) => {
            await this.store.complete(scope, key, res.statusCode, body);
            return body;
          }),
          catchError((error: unknown) => from(this.store.release(scope, key)).pipe(mergeMap(() => throwError(() => error)))),
        );
      }),
    );
  }
}

/** Marks a creating POST as idempotent by `Idempotency-Key` (documented in OpenAPI). */
export const Idempotent = () =>
  applyDecorators(
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Any unique string (e.g. a UUID) per intended operation. A repeat with the same key and body returns the first answer; ' +
        'with another body 422; while the first is still running, the repeat waits for it.',
    }),
  );

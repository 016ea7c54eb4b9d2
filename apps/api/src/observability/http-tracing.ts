import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import { redactUrl } from '@infra/logging/logger-options';
import { routePattern } from '@infra/observability/route-pattern';
import { tracing } from '@infra/observability/tracing';

/** Probes and scrapes would be most of the spans and tell nothing. */
const UNTRACED = /^\/(health|ready)(\/|\?|$)/;

/**
 * The server span of each request, mounted first: it continues a caller's W3C `traceparent`
 * (a proxy's, a cabinet's), is the parent of everything the request does — the Temporal
 * client's calls, Prisma's — and is named by route pattern at the end (`POST /v1/auth/login`).
 * Its URL attribute has e-mailed tokens redacted as the logs do. With tracing off this is a
 * plain `next()`.
 */
export function httpTracing() {
  if (!tracing().enabled) return (_req: Request, _res: Response, next: NextFunction) => next();
  const tracer = trace.getTracer('bank-flows-api');
  return (req: Request, res: Response, next: NextFunction): void => {
    if (UNTRACED.test(req.url)) return next();
    const parent = propagation.extract(ROOT_CONTEXT, req.headers);
    const span = tracer.startSpan(req.method, { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method, 'url.path': redactUrl(req.path) } }, parent);
    const active = trace.setSpan(parent, span);
    const end = () => {
      const route = routePattern(req);
      span.updateName(`${req.method} ${route}`);
      span.setAttributes({ 'http.route': route, 'http.response.status_code': res.statusCode });
      // The id every log line of the request carries (X-Request-Id): from a trace to its logs.
      const requestId = res.getHeader('x-request-id');
      if (typeof requestId === 'string') span.setAttribute('http.request.id', requestId);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      if (!res.writableFinished) span.setAttribute('http.aborted', true);
      span.end();
    };
    res.once('close', end);
    // The body arrives through stream events; bound, their listeners run inside the span too.
    context.bind(active, req);
    context.bind(active, res);
    context.with(active, next);
  };
}

import type { NextFunction, Request, Response } from 'express';
import { Counter, Histogram } from 'prom-client';
import { metricsRegistry } from '@infra/observability/metrics';
import { routePattern } from '@infra/observability/route-pattern';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export const httpRequestDuration = new Histogram({
  name: 'http_server_request_duration_seconds',
  help: 'Time from the request reaching the API to its response being sent, by route pattern and status',
  labelNames: ['method', 'route', 'status_code'] as const,
  // argon2 sign-ins take ~50–100 ms, updates that wait on a workflow up to seconds.
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const logins = new Counter({
  name: 'bank_flows_logins_total',
  help: 'Sign-in attempts (password, or SMS code) by the answer they got',
  labelNames: ['method', 'outcome'] as const,
  registers: [metricsRegistry],
});

/** The two routes that end a sign-in (§1.16), and which secret each checks. */
const SIGN_IN_ROUTES: Record<string, 'password' | 'code'> = {
  'POST /v1/auth/login': 'password',
  'POST /v1/auth/otp/:challengeId/verify': 'code',
};

/**
 * A sign-in's outcome as the caller saw it. Every refusal is one 401 by design (§1.17: an
 * unknown login, a wrong secret and a locked user look alike), so the reason stays in the
 * audit trail and is not a label here.
 */
function signInOutcome(status: number): string {
  if (status < 300) return 'success';
  if (status === 401 || status === 403) return 'refused';
  if (status === 429) return 'throttled';
  return status < 500 ? 'invalid' : 'error';
}

/** Times every request, mounted first so answers given by the HTTP edge's checks count too. */
export function httpMetrics() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const end = httpRequestDuration.startTimer();
    res.once('finish', () => {
      const method = METHODS.has(req.method) ? req.method : 'OTHER';
      const route = routePattern(req);
      end({ method, route, status_code: String(res.statusCode) });
      const signIn = SIGN_IN_ROUTES[`${method} ${route}`];
      if (signIn) logins.inc({ method: signIn, outcome: signInOutcome(res.statusCode) });
    });
    next();
  };
}

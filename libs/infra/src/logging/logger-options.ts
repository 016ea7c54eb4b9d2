import type { Params } from 'nestjs-pino';
import { assignRequestId } from './request-id';

/** Path segments that are bearer secrets (e-mailed tokens) and never reach a log. */
const SECRET_PATH = /\/(registrations|recovery)\/[^/?#]+/g;
export const redactUrl = (url: string | undefined): string | undefined => url?.replace(SECRET_PATH, '/$1/[REDACTED]');

/** Header and field names whose values are secrets wherever they appear in a log object. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.code',
  '*.token',
  '*.sessionKey',
  'password',
  'code',
  'token',
  'sessionKey',
];

/** nestjs-pino settings: JSON lines, one request id per request (echoed as X-Request-Id), secrets redacted. */
export function loggerOptions(level: string, service: string): Params {
  return {
    pinoHttp: {
      level,
      base: { service },
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      genReqId: assignRequestId,
      serializers: {
        req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
          id: req.id,
          method: req.method,
          url: redactUrl(req.url),
          remoteAddress: req.remoteAddress,
        }),
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
      autoLogging: { ignore: (req) => req.url === '/health' },
    },
  };
}

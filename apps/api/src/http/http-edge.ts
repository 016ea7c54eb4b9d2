import type { NestExpressApplication } from '@nestjs/platform-express';
import { AuditService } from '@infra/audit/audit.service';
import { assignRequestId } from '@infra/logging/request-id';
import { auditTrail } from '../audit/audit-trail.middleware';
import { operatorTargetPartner } from '../audit/operator-target-partner';
import { PrismaService } from '@infra/prisma/prisma.service';
import { CodecAuthGuard } from '../codec/codec-auth.guard';
import { codecAuthBeforeBody } from '../codec/codec-auth.middleware';
import type { ApiEnv } from '../config/api-env';
import { answerClientErrors } from './client-errors';
import { bodyErrorsAsProblems, requireJsonBody, verifyJsonDepth } from './request-body';
import { docsContentSecurityPolicy, noStore, securityHeaders } from './security-headers';

/**
 * What every request meets before Nest's middleware and routes, in this order: its id, the
 * audit trail (which records the answer, whoever gives it), the security headers, the client
 * address rule, the codec's authentication, the body checks and parsers, and the mapping of
 * parser errors to problems. Nest's own middleware
 * (pino-http among it) and Swagger's routes come later, so anything answered here still
 * carries X-Request-Id and the headers.
 */
const JSON_TYPE = /^application\/json\s*(;|$)/i;

export function installHttpEdge(app: NestExpressApplication, env: ApiEnv): void {
  app.use((req: Parameters<typeof assignRequestId>[0], res: Parameters<typeof assignRequestId>[1], next: () => void) => {
    assignRequestId(req, res);
    next();
  });
  app.use(auditTrail(app.get(AuditService, { strict: false }), operatorTargetPartner(app.get(PrismaService, { strict: false }))));
  app.use(securityHeaders, noStore);
  app.use('/docs', docsContentSecurityPolicy);
  app.disable('x-powered-by');
  // X-Forwarded-For is believed only from configured proxies; none by default (§1.16 limits count per address).
  app.set('trust proxy', env.TRUSTED_PROXIES.length ? env.TRUSTED_PROXIES : false);
  app.use(codecAuthBeforeBody(app.get(CodecAuthGuard, { strict: false })));
  app.use(requireJsonBody);
  // The payload codec decodes whole history events (Temporal allows 2 MB payloads, base64'd
  // twice here), for operators only (authenticated above); 64 kB holds for everything else.
  app.useBodyParser('json', {
    limit: '8mb',
    verify: verifyJsonDepth,
    type: (req) => /^\/codec\//i.test(req.url ?? '') && JSON_TYPE.test(req.headers['content-type'] ?? ''),
  });
  app.useBodyParser('json', { limit: '64kb', verify: verifyJsonDepth });
  app.useBodyParser('urlencoded', { limit: '4kb', extended: false, parameterLimit: 10 });
  app.use(bodyErrorsAsProblems);
  answerClientErrors(app.getHttpServer());
}

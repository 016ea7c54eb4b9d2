import { Logger } from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import { auditOutcomeForStatus } from '@domain/audit';
import type { AuditEntry, AuditService } from '@infra/audit/audit.service';
import type { CabinetActor } from '../auth/cabinet-actor';
import type { OperatorIdentity } from '../operator/operator-auth.guard';
import type { OperatorTargetPartner } from './operator-target-partner';

type AuditedRequest = Request & { actor?: CabinetActor; operator?: OperatorIdentity; id?: unknown };

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** POSTs by protocol that change nothing: only refusals and failures of these are worth a record. */
const READ_ONLY_POSTS = new Set(['/codec/decode', '/codec/encode']);
/**
 * Reads recorded like changes: an operator's search of every partner's people by BIN, e-mail or
 * phone is access to personal data, so who searched, when and by which key is kept (§1.15). The
 * searched value itself is not: it is personal data, and the trail is kept for five years.
 */
const AUDITED_READS = new Map<string, readonly string[]>([['/v1/operator/lookup', ['bin', 'email', 'phone']]]);
/** Path parameters that carry a secret (registration and recovery links): never recorded. */
const SECRET_PARAM = /token/i;

/** Set by a refusal answered before routing, naming the route it refused (e.g. the codec's early 401). */
export const AUDIT_ROUTE = 'auditRoute';

/**
 * Records every state-changing API call in the audit trail (§1.15) once its
 * answer is known: who (cabinet user, operator or anonymous), the partner, the
 * route pattern, the target ids, the outcome, the request id and the client
 * address. Mounted at the HTTP edge, before anything can answer — guards, the
 * codec's early authentication, the body checks — so their refusals are recorded
 * too; by the time the answer is known the route and the caller are. Bodies never are.
 * An operator's call is recorded under the partner it acted on (`partnerOf`), so a partner's
 * trail filtered by `partnerId` shows it.
 */
export function auditTrail(audit: AuditService, partnerOf?: OperatorTargetPartner): RequestHandler {
  const logger = new Logger('AuditTrail');
  return (req: AuditedRequest, res, next) => {
    if (STATE_CHANGING.has(req.method) || isAuditedRead(req)) {
      // `close` also fires when the client went away before the answer was sent.
      res.once('close', () => {
        const entry = auditEntryFor(req, res);
        if (!entry) return;
        withOperatorPartner(entry, req, partnerOf, logger)
          .then((complete) => audit.record(complete))
          .catch((err: unknown) => logger.error({ err, action: entry.action }, 'audit record not written'));
      });
    }
    next();
  };
}

export function auditEntryFor(req: AuditedRequest, res: Response): AuditEntry | null {
  const route = (req.route as { path?: unknown } | undefined)?.path ?? (res.locals as Record<string, unknown> | undefined)?.[AUDIT_ROUTE];
  const pattern = typeof route === 'string' ? route : null;
  const aborted = !res.writableFinished;
  const outcome = aborted ? 'FAILURE' : auditOutcomeForStatus(res.statusCode);
  if (pattern && READ_ONLY_POSTS.has(pattern) && outcome === 'SUCCESS') return null;
  const params = Object.entries((req.params ?? {}) as Record<string, string>);
  const tokenRoute = params.some(([name]) => SECRET_PARAM.test(name));
  const ids = params.filter(([name]) => !SECRET_PARAM.test(name)).map(([name, value]) => `${name}=${targetValue(value)}`);
  const who: Pick<AuditEntry, 'actorType' | 'actorId' | 'partnerId'> = req.actor
    ? { actorType: 'USER', actorId: req.actor.userId, partnerId: req.actor.partnerId }
    : req.operator
      ? { actorType: 'OPERATOR', actorId: req.operator.operatorId }
      : { actorType: 'ANONYMOUS' };
  return {
    ...who,
    // The pattern, not the URL: a URL may hold a link token; an unmatched URL is not repeated at all.
    action: `${req.method} ${pattern ?? (res.statusCode === 404 ? '(no such route)' : '(refused before routing)')}`,
    targetType: pattern ? resourceOf(pattern) : null,
    targetId: ids.length ? ids.join(',') : null,
    outcome,
    requestId: typeof req.id === 'string' || typeof req.id === 'number' ? String(req.id) : null,
    clientAddress: req.ip ?? null,
    details: {
      status: res.statusCode,
      ...(aborted ? { aborted: true } : {}),
      ...(tokenRoute ? { tokenRoute: true } : {}),
      ...searchedBy(req),
    },
  };
}

/** The entry with the partner an operator acted on; a failed look-up leaves it without one rather than losing the record. */
async function withOperatorPartner(entry: AuditEntry, req: AuditedRequest, partnerOf: OperatorTargetPartner | undefined, logger: Logger): Promise<AuditEntry> {
  if (entry.actorType !== 'OPERATOR' || !partnerOf || !entry.targetType) return entry;
  try {
    const params = (req.params ?? {}) as Record<string, string>;
    const partnerId = await partnerOf({ resource: entry.targetType, params, body: req.body as unknown });
    return partnerId ? { ...entry, partnerId } : entry;
  } catch (err) {
    logger.warn({ err, action: entry.action }, 'partner of an operator call not found');
    return entry;
  }
}

/** `/v1/operator/applications/:id/sign` → `applications`; `/codec/session` → `codec`. */
const resourceOf = (pattern: string): string | null => pattern.split('/').filter((s) => s && s !== 'v1' && s !== 'operator' && !s.startsWith(':'))[0] ?? null;

/**
 * A path parameter as the caller sent it, percent-encoded: it is attacker-chosen (`%00` would make
 * PostgreSQL refuse the whole record, so the attempt would go unrecorded), and bounded.
 */
const targetValue = (value: unknown): string => encodeURIComponent(String(value)).slice(0, 80);

/** Which search keys an audited read used (their names only, never the values). */
function searchedBy(req: AuditedRequest): { searchedBy?: string[] } {
  const keys = req.method === 'GET' ? AUDITED_READS.get(routePath(req)) : undefined;
  if (!keys) return {};
  const query = (req.query ?? {}) as Record<string, unknown>;
  return { searchedBy: keys.filter((key) => query[key] !== undefined) };
}

/** The path as routing matches it (Express ignores one trailing slash). */
const routePath = (req: Request): string => (req.path.length > 1 ? req.path.replace(/\/$/, '') : req.path);

const isAuditedRead = (req: Request): boolean => req.method === 'GET' && AUDITED_READS.has(routePath(req));

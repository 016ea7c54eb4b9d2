import type { PrismaClient } from '@infra/prisma/prisma.service';
import type { FuzzRequest } from './cases';
import type { Outcome } from './send';

export interface AuditExpectation {
  requestId: string;
  what: string;
}

/**
 * Whether the audit trail promises a record of this answered request (apps/api/src/audit/audit-trail.middleware.ts):
 * every state-changing call Express saw — refused at the edge (body, codec authentication), by a
 * guard or by the route — except successful codec conversions. A 431 never reaches Express.
 */
export function expectsAuditRecord(req: FuzzRequest, o: Outcome): AuditExpectation | null {
  if (req.method === 'GET' || !o.status || !o.requestId || o.status === 431) return null;
  if (/^POST \/codec\/(de|en)code$/.test(req.op) && o.status < 300) return null;
  // Field mutations of one operation share a cause; a path mutation may be the cause itself (a NUL in the URL).
  const kind = req.mutation.replace(/^(body|query|header)(\.[^:]*)?: .*/, '$1 mutations').replace(/^path\.[^:]*: /, 'path: ');
  return { requestId: o.requestId, what: `${req.op} | ${kind} | ${o.status}` };
}

/** The expected records that are not in the audit trail, grouped by operation, attack and answer. */
export async function missingAuditRecords(db: PrismaClient, expected: AuditExpectation[]): Promise<Map<string, number>> {
  const found = new Set<string>();
  for (let i = 0; i < expected.length; i += 2000) {
    const rows = await db.auditRecord.findMany({ where: { requestId: { in: expected.slice(i, i + 2000).map((e) => e.requestId) } }, select: { requestId: true } });
    for (const r of rows) found.add(r.requestId!);
  }
  const missing = new Map<string, number>();
  for (const e of expected) if (!found.has(e.requestId)) missing.set(e.what, (missing.get(e.what) ?? 0) + 1);
  return missing;
}

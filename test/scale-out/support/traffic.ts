import type { PrismaClient } from '@infra/prisma/prisma.service';
import { call, type HttpResult } from '../../support/harness';
import type { ApiNode } from './cluster';

/** A state-changing request the cluster answered, as the audit trail must show it (§1.15). */
export interface Sent {
  api: string;
  method: string;
  path: string;
  status: number;
  requestId: string;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Calls the APIs as a cabinet or an operator would, and remembers every state-changing
 * request by the X-Request-Id the API answered with, so the spec can look each one up
 * in the audit trail afterwards.
 */
export class Traffic {
  readonly sent: Sent[] = [];

  async call<T = any>(api: ApiNode, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResult<T>> {
    const res = await call<T>(api, method, path, body, headers);
    if (STATE_CHANGING.has(method)) {
      const requestId = res.headers.get('x-request-id');
      if (!requestId) throw new Error(`${api.name} answered ${method} ${path} without X-Request-Id`);
      this.sent.push({ api: api.name, method, path, status: res.status, requestId });
    }
    return res;
  }

  /** Like call, but the answer must have `status`. */
  async must<T = any>(status: number, api: ApiNode, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<T> {
    const res = await this.call<T>(api, method, path, body, headers);
    if (res.status !== status) throw new Error(`${api.name} ${method} ${path}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** The requests sent so far that have no audit record carrying their request id and method. */
  async missingFromAudit(db: PrismaClient): Promise<Sent[]> {
    const rows = await db.auditRecord.findMany({
      where: { requestId: { in: this.sent.map((s) => s.requestId) } },
      select: { requestId: true, action: true },
    });
    const found = new Set(rows.map((r) => `${r.requestId} ${r.action.split(' ')[0]}`));
    return this.sent.filter((s) => !found.has(`${s.requestId} ${s.method}`));
  }
}

import type { PrismaClient } from '@infra/prisma/prisma.service';
import { paymentStateQuery } from '@workflows/payment/payment.messages';
import { subUserRequestStateQuery } from '@workflows/sub-user-request/sub-user-request.messages';
import type { Harness } from '../support/harness';

const QUERY_DEADLINE_MS = 5_000;

const within = <T>(ms: number, what: Promise<T>): Promise<T> =>
  Promise.race([what, new Promise<never>((_r, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);

/**
 * Every payment and sub-user request of the partners whose workflow and database row disagree
 * (status, version, the row's revision, the hold), one line each; empty when all agree.
 */
export async function disagreements(h: Harness, db: PrismaClient, partnerIds: string[]): Promise<string[]> {
  const out: string[] = [];
  const payments = await db.payment.findMany({ where: { partnerId: { in: partnerIds } } });
  await Promise.all(
    payments.map(async (row) => {
      try {
        const view = await within(QUERY_DEADLINE_MS, h.temporal.workflow.getHandle(row.workflowId).query(paymentStateQuery));
        const wf = { status: view.status, version: view.version, revision: view.revision, hold: view.hold?.status ?? null };
        const dbSide = { status: row.status, version: row.version, revision: row.revision, hold: row.holdStatus ?? null };
        if (JSON.stringify(wf) !== JSON.stringify(dbSide)) out.push(`payment ${row.id}: workflow ${JSON.stringify(wf)} ≠ database ${JSON.stringify(dbSide)}`);
      } catch (e) {
        out.push(`payment ${row.id} (database ${row.status} v${row.version}): state query failed: ${(e as Error).message.slice(0, 160)}`);
      }
    }),
  );
  const requests = await db.subUserRequest.findMany({ where: { partnerId: { in: partnerIds } } });
  await Promise.all(
    requests.map(async (row) => {
      try {
        const view = await within(QUERY_DEADLINE_MS, h.temporal.workflow.getHandle(row.workflowId).query(subUserRequestStateQuery));
        if (view.status !== row.status) out.push(`sub-user request ${row.id}: workflow ${view.status} ≠ database ${row.status}`);
      } catch (e) {
        out.push(`sub-user request ${row.id} (database ${row.status}): state query failed: ${(e as Error).message.slice(0, 160)}`);
      }
    }),
  );
  return out.sort();
}

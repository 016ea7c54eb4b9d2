import { Client, Connection } from '@temporalio/client';
import { createPrisma } from '@infra/prisma/prisma.service';
import { encryptedDataConverter } from '@infra/temporal/encryption-codec';
import { bin, kzIban } from '../support/fixtures';
import { eventually } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { verifiedAuditLog } from './support/audit';
import { startCluster, type Cluster } from './support/cluster';
import { applicationCompleted, nthCode, onboard, paymentStatus, register, signIn, type Member, type Partner } from './support/flows';
import { Traffic } from './support/traffic';

const AMOUNT_TIYN = 100_00n;

/**
 * Two API processes and two worker processes on one task queue, against one Temporal
 * server and one database, as a scaled-out deployment runs. Registrations and payment
 * approvals are spread over both APIs step by step (a flow started through one API is
 * continued through the other), and one worker is killed with SIGKILL while links go
 * out and documents are confirmed and posted. Every flow still completes on the other
 * worker, each payment is posted exactly once, and the audit trail holds a record of
 * every state-changing request and verifies (§1.15).
 */
describe('scale-out: two APIs and two workers sharing Temporal and PostgreSQL', () => {
  let cluster: Cluster;
  let temporal: Client;
  const mail = new MailCatcher();
  const db = createPrisma(process.env.DATABASE_URL!);
  const t = new Traffic();

  beforeAll(async () => {
    cluster = await startCluster({ apis: 2, workers: 2 });
    const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS! });
    temporal = new Client({ connection, dataConverter: encryptedDataConverter(process.env.PAYLOAD_KEYS!) });
  }, 180_000);
  afterAll(async () => {
    await cluster?.stop();
    // Its task queue has no workers left: the sealer of this cluster ends with it.
    if (cluster)
      await temporal?.workflow
        .getHandle(cluster.sealerId)
        .terminate('spec done')
        .catch(() => undefined);
    await temporal?.connection.close();
    await db.$disconnect();
  });

  it('every flow completes after a worker is SIGKILLed, each payment posts once, and the audit trail is complete and verifiable', async () => {
    const { apis, workers } = cluster;
    const api = (i: number) => apis[i % apis.length]!;

    // Onboarding and registration, each step through the other API than the one before.
    const partners: Partner[] = [await onboard(t, apis, 2), await onboard(t, [...apis].reverse(), 2)];
    await Promise.all(partners.flatMap((p) => p.users).map((u, i) => register(t, apis, mail, u, i)));
    await Promise.all(partners.map((p, i) => applicationCompleted(api(i), p.applicationId)));
    const members = partners.flatMap((p) => p.users.map((u) => ({ user: u, partner: p })));
    await Promise.all(members.map(({ user }, i) => signIn(t, api(i), user)));
    const opening = new Map(
      await Promise.all(partners.map(async (p) => [p.iban, (await db.account.findUniqueOrThrow({ where: { iban: p.iban } })).balanceTiyn] as const)),
    );

    // Two documents per user: drafted and confirmed through one API, submitted and verified through the other.
    type Doc = { id: string; user: Member; partner: Partner; challengeId: string; code: string; n: number };
    const docs: Doc[] = [];
    await Promise.all(
      members.map(async ({ user, partner }, i) => {
        for (let k = 0; k < 2; k++) {
          const n = 2 * i + k;
          const body = {
            debitIban: partner.iban,
            amount: '100.00',
            knp: '710',
            purpose: 'Оплата по договору поставки',
            beneficiary: { name: 'ТОО «Получатель»', binIin: bin(), iban: kzIban(), bic: 'CASPKZKA', kbe: '17' },
          };
          const { id } = await t.must<{ id: string }>(201, api(n), 'POST', '/v1/payments', body, user.auth);
          await t.must(200, api(n + 1), 'POST', `/v1/payments/${id}/submit`, undefined, user.auth);
          const { challengeId } = await t.must<{ challengeId: string }>(202, api(n), 'POST', `/v1/payments/${id}/confirmations`, undefined, user.auth);
          // The registration code was this phone's first SMS with a code.
          docs.push({ id, user, partner, challengeId, code: await nthCode(mail, user.phone, 2 + k), n });
        }
      }),
    );

    // Mid-run: a third partner's links going out and every document being verified and
    // posted, then one worker dies as a crash or an OOM kill would.
    const late = onboard(t, [apis[1]!, apis[0]!], 2);
    const verifies = docs.map((d) => t.call(api(d.n + 1), 'POST', `/v1/payments/${d.id}/confirmations/${d.challengeId}/verify`, { code: d.code }, d.user.auth));
    await eventually(
      'a first posting',
      async () => ((await db.ledgerPosting.count({ where: { paymentId: { in: docs.map((d) => d.id) } } })) > 0 ? true : undefined),
      60_000,
    );
    await workers[0]!.process.stop('SIGKILL');
    expect((await Promise.all(verifies)).map((r) => r.status)).toEqual(docs.map(() => 200));
    const third = await late;
    await Promise.all(third.users.map((u, i) => register(t, apis, mail, u, i)));
    await applicationCompleted(api(0), third.applicationId);
    for (const d of docs) await paymentStatus(api(d.n), d.user, d.id, 'EXECUTED');

    // Both workers took tasks before the kill; the survivor finished what the other held.
    const identities = new Set<string>();
    for (const d of docs) {
      for (const e of (await temporal.workflow.getHandle(`payment-${d.id}`).fetchHistory()).events ?? []) {
        const identity = e.workflowTaskStartedEventAttributes?.identity ?? e.activityTaskStartedEventAttributes?.identity;
        if (identity) identities.add(identity.split('@')[0]!);
      }
    }
    expect([...identities].sort()).toEqual(workers.map((w) => String(w.pid)).sort());

    // Exactly one posting per executed payment, and each account moved by exactly what was paid.
    const postings = await db.ledgerPosting.findMany({ where: { paymentId: { in: docs.map((d) => d.id) } }, include: { entries: true } });
    expect(postings.map((p) => p.paymentId).sort()).toEqual(docs.map((d) => d.id).sort());
    for (const p of postings) {
      const total = (direction: string) => p.entries.filter((e) => e.direction === direction).reduce((s, e) => s + e.amountTiyn, 0n);
      expect(total('DEBIT')).toBe(total('CREDIT'));
    }
    for (const p of partners) {
      const paid = BigInt(docs.filter((d) => d.partner === p).length) * AMOUNT_TIYN;
      expect((await db.account.findUniqueOrThrow({ where: { iban: p.iban } })).balanceTiyn).toBe(opening.get(p.iban)! - paid);
    }

    // Every state-changing request, whichever API answered it, is in the audit trail …
    expect(new Set(t.sent.map((s) => s.api))).toEqual(new Set(apis.map((a) => a.name)));
    const missing = await eventually(
      'every request in the audit trail',
      async () => {
        const left = await t.missingFromAudit(db);
        return left.length === 0 ? left : undefined;
      },
      30_000,
    ).catch(async () => t.missingFromAudit(db));
    expect(missing).toEqual([]);
    // … and the whole log verifies against a signed checkpoint that covers all of it.
    const { verdict, leaves } = await verifiedAuditLog(process.env.DATABASE_URL!, cluster.checkpointDir);
    expect(verdict).toMatchObject({ ok: true });
    expect(verdict.treeSize).toBeGreaterThanOrEqual(leaves);
  }, 300_000);
});

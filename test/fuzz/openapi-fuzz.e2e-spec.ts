import { writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { dirname, join } from 'node:path';
import { createPrisma, type PrismaClient } from '@infra/prisma/prisma.service';
import { TEST_STATE_ENV } from '../setup/test-stack';
import { call, eventually, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { expectsAuditRecord, missingAuditRecords, type AuditExpectation } from './audit-check';
import { requestsOf, type FuzzRequest } from './cases';
import { disagreements } from './coherence';
import { operationsOf, type OpenApiDocument } from './openapi';
import { report } from './report';
import { judge, pool, redact, send, type Finding } from './send';
import { seeded } from './values';
import { buildWorld, targetsOf, type FuzzWorld } from './world';

const SEED = 12;
const CONCURRENCY = 8;
const DEADLINE_MS = 5_000;

/**
 * Issue 12: every operation of the published OpenAPI document, every field mutated (wrong
 * types, boundary numbers, control/bidi/invisible characters, over-long values, absence) and
 * the envelope abused (huge, deep, malformed, mislabelled, wrongly encoded bodies), each sent
 * anonymously and as the caller the guard admits. No answer may be a 5xx or late, every error
 * is problem+json with an X-Request-Id, and afterwards the workflows agree with their rows.
 */
describe('OpenAPI fuzz against the running stack', () => {
  let h: Harness;
  let db: PrismaClient;
  let world: FuzzWorld;
  const mail = new MailCatcher();
  /** The answered state-changing requests the audit trail must have recorded (filled by the fuzz). */
  const audited: AuditExpectation[] = [];

  beforeAll(async () => {
    // Operator review keeps sub-user requests waiting for a decision; a low threshold puts payments on hold.
    h = await startHarness({ SUB_USER_OPERATOR_REVIEW: 'true', COMPLIANCE_HOLD_THRESHOLD: '1000.00' });
    db = createPrisma(process.env.DATABASE_URL!);
    world = await buildWorld(h, mail);
  }, 180_000);
  afterAll(async () => {
    await db?.$disconnect();
    await h?.close();
  });

  it('answers every mutated request of every operation in time, never 5xx, errors as problem+json with X-Request-Id', async () => {
    const doc = await call<OpenApiDocument>(h, 'GET', '/docs/openapi.json');
    const ops = operationsOf(doc.body);
    expect(ops.length).toBeGreaterThan(40);
    const targets = targetsOf(h, world, seeded(SEED));
    const rand = seeded(SEED + 1);
    const oversizedUrl: FuzzRequest = {
      op: 'GET /v1/payments',
      mutation: 'URL of 20 kB (over the HTTP header limit)',
      as: 'session',
      method: 'GET',
      url: `/v1/payments?cursor=${'a'.repeat(20_000)}`,
      headers: { ...targets.commonHeaders, ...world.cabinet.users[0]!.auth },
    };
    function* all(): Generator<FuzzRequest> {
      for (const op of ops) yield* requestsOf(op, targets, rand);
      yield oversizedUrl;
    }

    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const findings: Finding[] = [];
    const started = Date.now();
    let sent = 0;
    const stats = new Map<string, { n: number; ms: number; statuses: Record<string, number> }>();
    await pool(all(), CONCURRENCY, async (req) => {
      sent++;
      const outcome = await send(h.baseUrl, agent, req, DEADLINE_MS);
      const s = stats.get(`${req.op} as ${req.as}`) ?? { n: 0, ms: 0, statuses: {} };
      const answer = String(outcome.status ?? outcome.error);
      stats.set(`${req.op} as ${req.as}`, { n: s.n + 1, ms: s.ms + outcome.ms, statuses: { ...s.statuses, [answer]: (s.statuses[answer] ?? 0) + 1 } });
      const expectation = expectsAuditRecord(req, outcome);
      if (expectation) audited.push(expectation);
      const kinds = judge(outcome);
      if (!kinds.length) return;
      findings.push({
        op: req.op,
        mutation: redact(req.mutation, world.secrets),
        as: req.as,
        method: req.method,
        url: redact(req.url, world.secrets),
        status: outcome.status ?? outcome.error ?? '?',
        kinds,
        excerpt: redact(outcome.excerpt, world.secrets),
      });
    });
    agent.destroy();
    const seconds = (Date.now() - started) / 1000;
    const runDir = dirname(process.env[TEST_STATE_ENV]!);
    writeFileSync(join(runDir, 'openapi-fuzz-stats.json'), JSON.stringify(Object.fromEntries(stats), null, 1));
    console.log(
      `openapi fuzz: ${sent} requests over ${ops.length} operations in ${seconds.toFixed(1)} s (concurrency ${CONCURRENCY}); ` +
        `${findings.length} offending; per-operation statuses and times in ${join(runDir, 'openapi-fuzz-stats.json')}`,
    );
    const text = report(findings);
    if (text) {
      writeFileSync(join(runDir, 'openapi-fuzz-findings.json'), JSON.stringify(findings, null, 1));
      throw new Error(`${text}\n(all findings: ${join(runDir, 'openapi-fuzz-findings.json')})`);
    }
  }, 600_000);

  it('leaves every payment and sub-user request workflow agreeing with its row, and the service ready', async () => {
    const partners = [world.cabinet.partner.partnerId, world.victim.partnerId];
    // Writes the fuzz started may still be on their way to the database: agreement is awaited, briefly.
    const left = await eventually('workflows and rows to agree', async () => ((await disagreements(h, db, partners)).length ? undefined : []), 15_000).catch(
      async () => disagreements(h, db, partners),
    );
    const ready = await call(h, 'GET', '/ready');
    // Only reads target these two, so they must still be waiting as they were when the fuzz began.
    const sentinels = [
      ...(await db.payment.findMany({ where: { id: world.payments.read, status: { not: 'AWAITING_CONFIRMATION' } } })).map(
        (p) => `payment ${p.id} that only reads touched is now ${p.status}`,
      ),
      ...(await db.subUserRequest.findMany({ where: { id: world.requests.read, status: { not: 'AWAITING_CONFIRMATION' } } })).map(
        (r) => `sub-user request ${r.id} that only reads touched is now ${r.status}`,
      ),
    ];
    const problems = [...left, ...sentinels, ...(ready.status === 200 ? [] : [`GET /ready answered ${ready.status}: ${JSON.stringify(ready.body).slice(0, 300)}`])];
    if (problems.length) throw new Error(`${problems.length} incoherences after the fuzz:\n${problems.join('\n')}`);
  }, 120_000);

  it('records every answered state-changing request in the audit trail (§1.15), hostile or not', async () => {
    expect(audited.length).toBeGreaterThan(1000);
    // Records are written once the answer has gone: give the last ones a moment.
    const missing = await eventually(
      'audit records',
      async () => ((await missingAuditRecords(db, audited)).size ? undefined : new Map<string, number>()),
      10_000,
    ).catch(() => missingAuditRecords(db, audited));
    if (!missing.size) return;
    const lines = [...missing].sort((a, b) => b[1] - a[1]).map(([what, n]) => `  ${n}× ${what}`);
    const total = [...missing.values()].reduce((a, b) => a + b, 0);
    throw new Error(`${total} of ${audited.length} audited requests have no audit record (operation | mutation | answer):\n${lines.join('\n')}`);
  }, 60_000);
});

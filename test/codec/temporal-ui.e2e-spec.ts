import { Client, Connection, type WorkflowExecutionInfo } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { createPrisma } from '@infra/prisma/prisma.service';
import { PartnerBin } from '@workflows/shared/search-attributes';
import { cabinet, confirm, documentBody, expectStatus, setPolicy, statusBecomes, type Cabinet } from '../payments/support';
import { createAndConfirm, newUser } from '../sub-users/support';
import { fromAddress } from '../support/addresses';
import { STRONG_PASSWORD } from '../support/fixtures';
import { call, eventually, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { expectNoCode } from '../support/secrets';

/** Every workflow type a partner's life starts: what `PartnerBin = "<bin>"` must find. */
const PARTNER_FLOWS = [
  'approvalPolicyChangeWorkflow',
  'loginChallengeWorkflow',
  'loginLockWorkflow',
  'onboardingWorkflow',
  'paymentWorkflow',
  'receiptWorkflow',
  'recoveryWorkflow',
  'registrationWorkflow',
  'subUserRequestWorkflow',
];

/** Every byte array anywhere in a response, as one buffer to search. */
function allBytes(value: unknown, out: Buffer[] = [], depth = 0): Buffer[] {
  if (depth > 40 || value === null || typeof value !== 'object') return out;
  if (value instanceof Uint8Array) out.push(Buffer.from(value));
  else for (const v of Object.values(value)) allBytes(v, out, depth + 1);
  return out;
}

const encodingOf = (payload: { metadata?: Record<string, Uint8Array> | null } | null | undefined) =>
  Buffer.from(payload?.metadata?.encoding ?? new Uint8Array()).toString();

/**
 * What operators ask for in the Temporal UI (issue 16), in one partner's full life: every flow
 * the system starts carries `PartnerBin`; each has a summary naming what it is about, encrypted
 * like every payload (Temporal alone reads ciphertext); the waiting ones say what they wait for.
 */
describe('the Temporal UI for operators: PartnerBin, summaries, current details', () => {
  let h: Harness;
  let raw: Client;
  let c: Cabinet;
  const mail = new MailCatcher();
  const db = createPrisma(process.env.DATABASE_URL!);
  let paymentNumber: number;
  let payee: string;
  let partnerName: string;
  let fullNames: string[];
  let flows: WorkflowExecutionInfo[];

  beforeAll(async () => {
    // Two wrong passwords lock a login, so the run starts a login-lock flow too.
    h = await startHarness({ LOGIN_MAX_FAILURES: '2' });
    raw = new Client({ connection: await Connection.connect({ address: h.env.TEMPORAL_ADDRESS }), namespace: h.env.TEMPORAL_NAMESPACE });
    c = await cabinet(h, mail, ['FULL_ACCESS', 'FULL_ACCESS', 'CREATE_AND_VIEW']);
    const [director, deputy, viewer] = c.users as [Cabinet['users'][number], Cabinet['users'][number], Cabinet['users'][number]];
    await setPolicy(h, mail, director, { rules: [{ minAmount: '0.00', requiredConfirmations: 1 }], authorMayConfirm: true });

    const body = documentBody(c, '1500.50');
    payee = body.beneficiary.name;
    const created = await call(h, 'POST', '/v1/payments', body, director.auth);
    expectStatus(created, 201);
    paymentNumber = created.body.number;
    expectStatus(await call(h, 'POST', `/v1/payments/${created.body.id}/submit`, undefined, director.auth), 200);
    await confirm(h, mail, director, created.body.id);
    await statusBecomes(h, director, created.body.id, 'EXECUTED');
    expectStatus(await call(h, 'POST', `/v1/payments/${created.body.id}/receipt`, { channel: 'EMAIL' }, director.auth), 202);

    await createAndConfirm(h, mail, { session: director.auth.authorization!.slice('Bearer '.length), phone: director.phone }, newUser('ui'));
    expectStatus(await call(h, 'POST', '/v1/auth/otp', { login: viewer.login }, fromAddress()), 202);
    expectStatus(await call(h, 'POST', '/v1/auth/recovery', { login: deputy.login }, fromAddress()), 202);
    for (let i = 0; i < 2; i++) {
      expect((await call(h, 'POST', '/v1/auth/login', { login: viewer.login, password: `wrong-${randomUUID()}` }, fromAddress())).status).toBe(401);
    }

    const partner = await db.partner.findUniqueOrThrow({ where: { id: c.partner.partnerId }, include: { users: true } });
    partnerName = partner.name;
    fullNames = partner.users.map((u) => u.fullName);
    // Visibility is eventually consistent: wait until every flow type has been indexed.
    flows = await eventually(
      'every partner flow listed by PartnerBin',
      async () => {
        const found: WorkflowExecutionInfo[] = [];
        for await (const wf of h.temporal.workflow.list({ query: `PartnerBin = "${c.partner.bin}"` })) found.push(wf);
        return PARTNER_FLOWS.every((type) => found.some((wf) => wf.type === type)) ? found : undefined;
      },
      30_000,
    );
  });
  afterAll(async () => {
    await raw.connection.close();
    await db.$disconnect();
    await h.close();
  });

  it('every flow started for the partner carries its BIN (PartnerBin finds all of them)', async () => {
    expect([...new Set(flows.map((wf) => wf.type))].sort()).toEqual(PARTNER_FLOWS);
    // Nothing on this worker's task queue but the audit flows (no partner) lacks it.
    const onQueue: WorkflowExecutionInfo[] = [];
    for await (const wf of h.temporal.workflow.list({ query: `TaskQueue = "${h.env.TEMPORAL_TASK_QUEUE}"` })) onQueue.push(wf);
    const partnerless = onQueue.filter((wf) => !wf.typedSearchAttributes.get(PartnerBin)).map((wf) => wf.type);
    expect([...new Set(partnerless)].sort()).toEqual(['auditSealerWorkflow']);
    for (const wf of onQueue.filter((w) => w.type !== 'auditSealerWorkflow')) expect(wf.typedSearchAttributes.get(PartnerBin)).toBe(c.partner.bin);
  });

  it('summarises each flow for operators: the payment with number, amount, payee, partner and status', async () => {
    const payment = flows.find((wf) => wf.type === 'paymentWorkflow')!;
    const described = await h.temporal.workflow.getHandle(payment.workflowId).describe();
    const summary = await described.staticSummary();
    expect(summary).toContain(`Payment No. ${paymentNumber}: 1500.50 KZT to ${payee}`);
    expect(summary).toContain(`${partnerName} (BIN ${c.partner.bin})`);
    expect(summary).toMatch(/· (DRAFT|AWAITING_CONFIRMATION) at start$/);
    expect(await described.staticDetails()).toContain(`**Payee** ${payee}`);
    // Every flow the API starts names the partner; the registrations it starts from a workflow name the user's id.
    for (const wf of flows) {
      const text = await h.temporal.workflow
        .getHandle(wf.workflowId)
        .describe()
        .then((d) => d.staticSummary());
      expect({ type: wf.type, named: wf.type === 'registrationWorkflow' ? /Registration/.test(text ?? '') : text?.includes(partnerName) }).toEqual({
        type: wf.type,
        named: true,
      });
    }
  });

  it('keeps summaries, details and current details encrypted in Temporal, and free of secrets', async () => {
    const secrets = { password: STRONG_PASSWORD, codes: new Set<string>(), tokens: new Set<string>() };
    const ours = new Set(c.users.flatMap((u) => [u.login, `${u.phone.replace(/\D/g, '')}@sms.localhost`]));
    for (const m of (await mail.all()).filter((caught) => caught.to.some((to) => ours.has(to.address)))) {
      // The payee's name (random digits) is in the payment's SMS too: it is no secret.
      for (const [code] of m.text.matchAll(/\b\d{6}\b/g)) if (!payee.includes(code)) secrets.codes.add(code);
      for (const [, token] of m.text.matchAll(/\/(?:register|recover)\/([A-Za-z0-9_-]{43})/g)) secrets.tokens.add(token!);
    }
    expect(secrets.codes.size).toBeGreaterThan(3);
    for (const wf of flows) {
      const described = await raw.workflowService.describeWorkflowExecution({ namespace: h.env.TEMPORAL_NAMESPACE, execution: { workflowId: wf.workflowId } });
      const metadata = described.executionConfig?.userMetadata;
      expect({ type: wf.type, encoding: encodingOf(metadata?.summary) }).toEqual({ type: wf.type, encoding: 'binary/encrypted' });
      const history = await raw.workflow.getHandle(wf.workflowId).fetchHistory();
      const bytes = Buffer.concat([...allBytes(described), ...allBytes(history)]);
      for (const plain of [partnerName, payee, ...fullNames])
        expect({ type: wf.type, leaks: bytes.includes(Buffer.from(plain)) }).toEqual({ type: wf.type, leaks: false });

      const decoded = await h.temporal.workflow.getHandle(wf.workflowId).describe();
      const text = `${await decoded.staticSummary()}\n${await decoded.staticDetails()}`;
      expect(text).not.toContain(secrets.password);
      for (const token of secrets.tokens) expect(text).not.toContain(token);
      for (const code of secrets.codes) expectNoCode(text, code);
    }
  });

  it('tells what a running flow waits for (current details), through the codec only', async () => {
    const waiting = (type: string) => flows.find((wf) => wf.type === type && wf.status.name === 'RUNNING')!.workflowId;
    const details = async (workflowId: string) =>
      (await h.temporal.workflow.getHandle(workflowId).query<{ currentDetails?: string }>('__temporal_workflow_metadata')).currentDetails;
    expect(await details(waiting('recoveryWorkflow'))).toMatch(
      /^Waiting for the user to open the e-mailed link and ask for an SMS code; the link works until \S+Z\.$/,
    );
    expect(await details(waiting('loginChallengeWorkflow'))).toMatch(/^Waiting for the user to enter the SMS code in the sign-in form, until \S+Z\.$/);
    expect(await details(waiting('loginLockWorkflow'))).toMatch(/^Waiting for the lock to end/);
    const query = await raw.workflowService.queryWorkflow({
      namespace: h.env.TEMPORAL_NAMESPACE,
      execution: { workflowId: waiting('recoveryWorkflow') },
      query: { queryType: '__temporal_workflow_metadata' },
    });
    expect(query.queryResult!.payloads!.map(encodingOf)).toEqual(['binary/encrypted']);
    expect(Buffer.concat(allBytes(query)).includes(Buffer.from('Waiting for'))).toBe(false);
  });
});

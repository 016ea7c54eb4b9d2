import { Client, Connection } from '@temporalio/client';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { TEMPORAL_BIN } from '../../scripts/stack/temporal';
import { onboardingWorkflowId } from '@workflows/onboarding/onboarding.messages';
import { application } from '../support/fixtures';
import { call, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { bearer, login, registerPartner } from '../support/users';

const run = promisify(execFile);

/** Every byte array anywhere in a (history or describe) response, as one buffer to search. */
function allBytes(value: unknown, out: Buffer[] = [], depth = 0): Buffer[] {
  if (depth > 40 || value === null || typeof value !== 'object') return out;
  if (value instanceof Uint8Array) out.push(Buffer.from(value));
  else for (const v of Object.values(value)) allBytes(v, out, depth + 1);
  return out;
}

/** Every payload (an object with metadata.encoding) anywhere in a response. */
function allPayloads(value: unknown, out: { metadata: Record<string, Uint8Array> }[] = [], depth = 0) {
  if (depth > 40 || value === null || typeof value !== 'object' || value instanceof Uint8Array) return out;
  const metadata = (value as { metadata?: Record<string, Uint8Array> }).metadata;
  if (metadata?.encoding instanceof Uint8Array) out.push(value as { metadata: Record<string, Uint8Array> });
  // Search attributes are indexed by Temporal, so never encrypted: ids and statuses only.
  for (const [k, v] of Object.entries(value)) if (k !== 'searchAttributes') allPayloads(v, out, depth + 1);
  return out;
}

const encodingOf = (p: { metadata: Record<string, Uint8Array> }) => Buffer.from(p.metadata.encoding!).toString();

/**
 * History in Temporal is ciphertext: someone with only Temporal (or its database)
 * reads no partner name or e-mail; operators read it through the API's codec
 * endpoint (Temporal UI and CLI), and nobody else can use that endpoint.
 */
describe('payload encryption and the codec endpoint', () => {
  let h: Harness;
  let raw: Client;
  const mail = new MailCatcher();
  const partnerName = `ТОО «Тайный партнёр ${randomBytes(4).toString('hex')}»`;
  const body = { ...application(), partner: { ...application().partner, name: partnerName } };
  let workflowId: string;

  beforeAll(async () => {
    h = await startHarness();
    // A client as someone with access to Temporal alone would have: no keys, no codec.
    raw = new Client({ connection: await Connection.connect({ address: h.env.TEMPORAL_ADDRESS }), namespace: h.env.TEMPORAL_NAMESPACE });
    const created = await call(h, 'POST', '/v1/operator/applications', body, h.operator);
    expect(created.status).toBe(201);
    workflowId = onboardingWorkflowId(created.body.applicationId);
    await call(h, 'POST', `/v1/operator/applications/${created.body.applicationId}/sign`, undefined, h.operator);
    await call(h, 'POST', `/v1/operator/applications/${created.body.applicationId}/agreement-acceptance`, undefined, h.operator);
    await mail.linkToken(body.users[0]!.email);
  });
  afterAll(async () => {
    await raw.connection.close();
    await h.close();
  });

  it('keeps history, memo and summaries encrypted in Temporal; search attributes stay filterable', async () => {
    const history = await raw.workflow.getHandle(workflowId).fetchHistory();
    const described = await raw.workflowService.describeWorkflowExecution({ namespace: h.env.TEMPORAL_NAMESPACE, execution: { workflowId } });
    const { searchAttributes, ...rest } = described.workflowExecutionInfo!;
    const everything = Buffer.concat([...allBytes(history), ...allBytes(rest)]);
    for (const secret of [partnerName, body.users[0]!.email, body.users[0]!.fullName, body.users[0]!.phone]) {
      expect(everything.includes(Buffer.from(secret))).toBe(false);
    }
    const payloads = [...allPayloads(history), ...allPayloads(rest)];
    expect(payloads.length).toBeGreaterThan(3);
    expect(new Set(payloads.map(encodingOf))).toEqual(new Set(['binary/encrypted']));
    expect(Buffer.concat(allBytes(searchAttributes)).includes(Buffer.from(body.partner.bin))).toBe(true);
    // The harness's client, with the keys, reads the same memo in clear.
    expect((await h.temporal.workflow.getHandle(workflowId).describe()).memo).toMatchObject({ partnerName });
  });

  const memoPayload = async () => {
    const described = await raw.workflowService.describeWorkflowExecution({ namespace: h.env.TEMPORAL_NAMESPACE, execution: { workflowId } });
    const sealed = described.workflowExecutionInfo!.memo!.fields!.partnerName!;
    return {
      metadata: Object.fromEntries(Object.entries(sealed.metadata!).map(([k, v]) => [k, Buffer.from(v!).toString('base64')])),
      data: Buffer.from(sealed.data!).toString('base64'),
    };
  };
  const decodedText = (res: { body: { payloads: { metadata: Record<string, string>; data: string }[] } }) =>
    JSON.parse(Buffer.from(res.body.payloads[0]!.data, 'base64').toString('utf8'));

  it('decodes for an operator token (the remote codec protocol) and for nobody else', async () => {
    const payload = await memoPayload();
    const decoded = await call(h, 'POST', '/codec/decode', { payloads: [payload] }, { ...h.operator, 'x-namespace': 'default' });
    expect(decoded.status).toBe(200);
    expect(Buffer.from(decoded.body.payloads[0].metadata.encoding, 'base64').toString()).toBe('json/plain');
    expect(decodedText(decoded)).toBe(partnerName);

    const anonymous = await call(h, 'POST', '/codec/decode', { payloads: [payload] }, { origin: 'http://127.0.0.1:8233' });
    // Nothing sent comes back; with no CORS grant the UI's fetch fails, and it keeps showing the ciphertext it has.
    expect(anonymous).toMatchObject({ status: 401, body: { code: 'CODEC.OPERATOR_REQUIRED' } });
    expect(anonymous.body).not.toHaveProperty('payloads');
    expect(anonymous.headers.get('access-control-allow-origin')).toBeNull();
    const partner = await registerPartner(h, mail, [{ accessLevel: 'FULL_ACCESS' }]);
    const session = await login(h, partner.users[0]!.login, partner.users[0]!.password);
    expect((await call(h, 'POST', '/codec/decode', { payloads: [payload] }, bearer(session))).status).toBe(401);
    expect((await call(h, 'POST', '/codec/encode', { payloads: [payload] }, bearer(session))).status).toBe(401);

    const reencoded = await call(h, 'POST', '/codec/encode', decoded.body, h.operator);
    expect(Buffer.from(reencoded.body.payloads[0].metadata.encoding, 'base64').toString()).toBe('binary/encrypted');
    expect(decodedText(await call(h, 'POST', '/codec/decode', reencoded.body, h.operator))).toBe(partnerName);
    const forged = { payloads: [{ ...payload, data: Buffer.from('x'.repeat(40)).toString('base64') }] };
    expect((await call(h, 'POST', '/codec/decode', forged, h.operator)).status).toBe(422);
    expect((await call(h, 'POST', '/codec/decode', { payloads: [{ data: 'not base64!' }] }, h.operator)).status).toBe(400);
  });

  it('lets the Temporal UI call it from its origin with a signed-in browser cookie', async () => {
    const preflight = await fetch(`${h.baseUrl}/codec/decode`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:8233', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-namespace' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:8233');
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/X-Namespace/i);
    const stranger = await fetch(`${h.baseUrl}/codec/decode`, { method: 'OPTIONS', headers: { origin: 'http://evil.example' } });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();

    const page = await fetch(`${h.baseUrl}/codec/login`);
    expect(await page.text()).toContain('<form method="post" action="session">');
    const signIn = await fetch(`${h.baseUrl}/codec/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: h.env.OPERATOR_TOKENS[0]! }).toString(),
    });
    expect(signIn.status).toBe(200);
    // The page leads back to the UI (TEMPORAL_UI_URL, by default the first CODEC_CORS_ORIGINS entry).
    expect(await signIn.text()).toContain('<a href="http://127.0.0.1:8233">Back to the Temporal UI</a>');
    const cookie = signIn.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^bank_flows_codec=operator%3Adesk-1\.\d{13}\.[0-9a-f]{64}; Path=\/codec; Expires=.*; HttpOnly; SameSite=Strict$/);
    const value = cookie.split(';')[0]!;
    const payload = await memoPayload();
    const viaUi = await call(h, 'POST', '/codec/decode', { payloads: [payload] }, { cookie: value, origin: 'http://127.0.0.1:8233' });
    expect(viaUi.status).toBe(200);
    expect(viaUi.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:8233');
    expect(decodedText(viaUi)).toBe(partnerName);

    const tampered = value.replace(/\.(\d{13})\./, (_m, t: string) => `.${Number(t) + 1000}.`);
    expect((await call(h, 'POST', '/codec/decode', { payloads: [payload] }, { cookie: tampered })).status).toBe(401);
    const wrong = await call(h, 'POST', '/codec/session', { token: 'not-an-operator-token-at-all' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('decodes for the temporal CLI given the codec endpoint and an operator token, as the README says', async () => {
    const args = ['workflow', 'show', '--workflow-id', workflowId, '--address', h.env.TEMPORAL_ADDRESS, '--namespace', h.env.TEMPORAL_NAMESPACE, '--output', 'json'];
    // JSON output keeps payload data in base64: read every payload's data as text.
    const texts = (stdout: string) => [...stdout.matchAll(/"data":\s*"([A-Za-z0-9+/=]*)"/g)].map((m) => Buffer.from(m[1]!, 'base64').toString('utf8')).join('\n');
    const plain = await run(TEMPORAL_BIN, args);
    expect(plain.stdout).toContain(Buffer.from('binary/encrypted').toString('base64'));
    expect(texts(plain.stdout)).not.toContain(partnerName);
    const decoded = await run(TEMPORAL_BIN, [...args, '--codec-endpoint', `${h.baseUrl}/codec`, '--codec-auth', `Bearer ${h.env.OPERATOR_TOKENS[0]}`]);
    expect(texts(decoded.stdout)).toContain(partnerName);
    expect(decoded.stdout).not.toContain(Buffer.from('binary/encrypted').toString('base64'));
    const codec = ['--codec-endpoint', `${h.baseUrl}/codec`, '--codec-auth', `Bearer ${h.env.OPERATOR_TOKENS[0]}`];
    const describe = await run(TEMPORAL_BIN, ['workflow', 'describe', ...args.slice(2), ...codec]);
    expect(texts(describe.stdout) + describe.stdout).toContain(partnerName);
  });
});

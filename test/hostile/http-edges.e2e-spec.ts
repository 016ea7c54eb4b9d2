import { request } from 'node:http';
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { uniqueLoopbackPeer } from '../support/addresses';
import { startHarness, type Harness } from '../support/harness';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One request over node:http, so a spec may send any bytes, any encoding, from any loopback address. */
function raw(h: Harness, method: string, path: string, body?: Buffer | string, headers: Record<string, string> = {}, localAddress?: string): Promise<Raw> {
  const url = new URL(path, h.baseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname + url.search, method, headers, localAddress }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const json = { 'content-type': 'application/json' };
/** A value that must never come back in an answer. */
const MARKER = 'ECHO-MARKER-7f3a';

/** Headers every answer carries, success or problem. */
function expectEdgeHeaders(res: Raw): void {
  expect(res.headers['x-request-id']).toMatch(/^[A-Za-z0-9._-]{8,128}$/);
  expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(res.headers['x-powered-by']).toBeUndefined();
}

/** An RFC 9457 problem with the given status, with the edge headers and no-store, that echoes nothing sent. */
function expectProblem(res: Raw, status: number): Record<string, unknown> {
  expect({ status: res.status, type: res.headers['content-type'] }).toEqual({ status, type: expect.stringMatching(/^application\/problem\+json/) });
  expectEdgeHeaders(res);
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.text).not.toContain(MARKER);
  const body = JSON.parse(res.text) as Record<string, unknown>;
  expect(body).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  return body;
}

/**
 * Hostile HTTP (issue 12, items 5–8): whatever a client sends, the answer is a problem with
 * an X-Request-Id, the security headers and no-store; never a 500, never the body echoed.
 * This harness trusts no proxy (TRUSTED_PROXIES empty, the service's default).
 */
describe('HTTP edges', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ TRUSTED_PROXIES: '', LOGIN_ADDRESS_MAX_FAILURES: '3', LOGIN_ADDRESS_WINDOW_MS: '60000' });
  });
  afterAll(() => h.close());

  const login = (extra: Record<string, unknown> = {}) => JSON.stringify({ login: 'nobody@example.kz', password: 'whatever-password', ...extra });

  it('malformed JSON: 400, without quoting it', async () => {
    const body = expectProblem(await raw(h, 'POST', '/v1/auth/login', `{"login": "${MARKER}`, json), 400);
    expect(body.code).toBe('REQUEST.MALFORMED_JSON');
  });

  it('a body over the limit: 413', async () => {
    const big = login({ password: MARKER + 'x'.repeat(70_000) });
    expect(expectProblem(await raw(h, 'POST', '/v1/auth/login', big, json), 413).code).toBe('REQUEST.TOO_LARGE');
  });

  it('a body that is not JSON, or JSON in another charset: 415', async () => {
    for (const headers of [{ 'content-type': 'text/plain' }, { 'content-type': 'application/x-www-form-urlencoded' }, {}] as Record<string, string>[]) {
      expect(expectProblem(await raw(h, 'POST', '/v1/auth/login', login(), headers), 415).code).toBe('REQUEST.UNSUPPORTED_MEDIA_TYPE');
    }
    const latin1 = await raw(h, 'POST', '/v1/auth/login', login(), { 'content-type': 'application/json; charset=latin1' });
    expect(expectProblem(latin1, 415).code).toBe('REQUEST.UNSUPPORTED_CHARSET');
  });

  it('an empty body needs no content type (many POSTs carry none)', async () => {
    const res = await raw(h, 'POST', '/v1/auth/login', undefined, { 'content-length': '0' });
    expect(expectProblem(res, 400).code).toBe('REQUEST.INVALID');
  });

  it('Content-Encoding gzip with a body that is not gzip: 400; gzip that is: read', async () => {
    const bad = await raw(h, 'POST', '/v1/auth/login', login({ login: MARKER }), { ...json, 'content-encoding': 'gzip' });
    expect(expectProblem(bad, 400).code).toBe('REQUEST.BODY_UNREADABLE');
    // Well-formed gzip is decoded: the login fails on its merits (401), not on its encoding.
    const good = await raw(h, 'POST', '/v1/auth/login', gzipSync(login({ login: 'a@b.kz' })), { ...json, 'content-encoding': 'gzip' }, uniqueLoopbackPeer());
    expect(expectProblem(good, 401).code).toBeDefined();
  });

  it('Content-Encoding br or unknown: 415', async () => {
    for (const encoding of ['br', 'zstd', 'x-unknown']) {
      const res = await raw(h, 'POST', '/v1/auth/login', login(), { ...json, 'content-encoding': encoding });
      expect(expectProblem(res, 415).code).toBe('REQUEST.UNSUPPORTED_ENCODING');
    }
  });

  it('JSON nested deeper than any request of ours: 400 before parsing', async () => {
    const deep = `{"login":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    const res = await raw(h, 'POST', '/v1/auth/login', deep.slice(0, 60_000), json);
    expect(expectProblem(res, 400).code).toBe('REQUEST.TOO_DEEP');
  });

  it('unknown routes and wrong methods: 404 problem, without naming the path', async () => {
    for (const [method, path] of [
      ['GET', `/v1/${MARKER}`],
      ['DELETE', '/v1/auth/login'],
      ['PUT', '/v1/security/parameters'],
      ['GET', `/${MARKER}?q=1`],
    ] as const) {
      expect(expectProblem(await raw(h, method, path), 404).code).toBe('REQUEST.NO_ROUTE');
    }
  });

  it('what Node’s HTTP parser refuses (a 20 kB URL, a broken request line): a problem with X-Request-Id, not a bare status', async () => {
    expect(expectProblem(await raw(h, 'GET', `/v1/payments?cursor=${'A'.repeat(20_000)}${MARKER}`), 431).code).toBe('REQUEST.HEADERS_TOO_LARGE');
    const url = new URL(h.baseUrl);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect({ host: url.hostname, port: Number(url.port) }, () => socket.end(`NOT HTTP ${MARKER}\r\n\r\n`));
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    const [head = '', body = ''] = answer.split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 400 /);
    expect(head).toMatch(/\r\nContent-Type: application\/problem\+json/i);
    expect(head).toMatch(/\r\nX-Request-Id: [0-9a-f-]{36}/i);
    expect(answer).not.toContain(MARKER);
    expect(JSON.parse(body)).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED_HTTP' });
  });

  it('keeps a plain X-Request-Id from the caller and replaces anything else', async () => {
    const kept = await raw(h, 'GET', '/v1/nowhere', undefined, { 'x-request-id': 'client-trace-0123' });
    expect(kept.headers['x-request-id']).toBe('client-trace-0123');
    const replaced = await raw(h, 'POST', '/v1/auth/login', '{', { ...json, 'x-request-id': `bad id ${MARKER}` });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('/docs and /docs/openapi.json: X-Request-Id, security headers, a CSP that lets Swagger UI run', async () => {
    const page = await raw(h, 'GET', '/docs');
    expect(page.status).toBe(200);
    expectEdgeHeaders(page);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const doc = await raw(h, 'GET', '/docs/openapi.json');
    expect(doc.status).toBe(200);
    expectEdgeHeaders(doc);
    expect(JSON.parse(doc.text).openapi).toMatch(/^3\./);
  });

  it('API answers: a CSP that allows nothing, and no-store, on success as on failure', async () => {
    const res = await raw(h, 'GET', '/v1/security/parameters');
    expect(res.status).toBe(200);
    expectEdgeHeaders(res);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['cache-control']).toBe('no-store');
    const operator = await raw(h, 'GET', '/v1/operator/audit', undefined, h.operator);
    expect(operator.status).toBe(200);
    expect(operator.headers['cache-control']).toBe('no-store');
  });

  it('the codec sign-in page keeps its own CSP (a form posting to itself)', async () => {
    const page = await raw(h, 'GET', '/codec/login');
    expect(page.status).toBe(200);
    expectEdgeHeaders(page);
    expect(page.headers['content-security-policy']).toContain("form-action 'self'");
  });

  describe('the codec endpoint', () => {
    const deepPayloads = `{"payloads":${'['.repeat(50_000)}${']'.repeat(50_000)}}`;
    const huge = JSON.stringify({
      payloads: [{ metadata: { encoding: Buffer.from('binary/encrypted').toString('base64') }, data: Buffer.from(MARKER.repeat(100_000)).toString('base64') }],
    });

    it('refuses a stranger with 401 before reading deep or 2 MB bodies, echoing nothing and granting no CORS', async () => {
      for (const body of [deepPayloads, huge]) {
        const res = await raw(h, 'POST', '/codec/decode', body, { ...json, origin: 'http://127.0.0.1:8233' });
        expect(expectProblem(res, 401)).toEqual(expect.objectContaining({ code: 'CODEC.OPERATOR_REQUIRED' }));
        expect(res.text.length).toBeLessThan(400);
        expect(res.text).not.toContain(Buffer.from(MARKER).toString('base64').slice(0, 12));
        expect(res.headers['www-authenticate']).toBe('Bearer');
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
      }
      // Routes match case-insensitively: so does the check before the body.
      expectProblem(await raw(h, 'POST', '/CODEC/Decode/', huge, json), 401);
    });

    it('for an operator: deep → 400, over 8 MB → 413, a 2 MB body of valid base64 → read (422: not our ciphertext)', async () => {
      expect(expectProblem(await raw(h, 'POST', '/codec/decode', deepPayloads, { ...json, ...h.operator }), 400).code).toBe('REQUEST.TOO_DEEP');
      const tooBig = JSON.stringify({ payloads: [{ data: 'A'.repeat(9 * 1024 * 1024) }] });
      expect(expectProblem(await raw(h, 'POST', '/codec/decode', tooBig, { ...json, ...h.operator }), 413).code).toBe('REQUEST.TOO_LARGE');
      expect(expectProblem(await raw(h, 'POST', '/codec/decode', huge, { ...json, ...h.operator }), 422).code).toBe('CODEC.UNDECODABLE');
    });

    it('lists invalid fields by path and message only, a bounded number of them', async () => {
      const many = JSON.stringify({ payloads: Array.from({ length: 500 }, () => ({ data: `${MARKER}!` })) });
      const body = expectProblem(await raw(h, 'POST', '/codec/decode', many, { ...json, ...h.operator }), 400) as { errors: object[]; detail: string };
      expect(body.detail).toBe('500 invalid fields');
      expect(body.errors.length).toBe(50);
      for (const e of body.errors) expect(Object.keys(e).sort()).toEqual(['message', 'path']);
    });
  });

  it('TRUSTED_PROXIES empty: X-Forwarded-For is ignored, the per-address limit applies to the real peer', async () => {
    const peer = uniqueLoopbackPeer();
    const attempt = (i: number) =>
      raw(h, 'POST', '/v1/auth/login', login({ login: `nobody-${i}-${Date.now()}@example.kz` }), { ...json, 'x-forwarded-for': `203.0.113.${i + 1}` }, peer);
    for (let i = 0; i < 3; i++) expect((await attempt(i)).status).toBe(401);
    const limited = await attempt(3);
    expect(expectProblem(limited, 429).code).toBe('AUTH.TOO_MANY_FAILURES');
    // Another peer is not affected.
    expect((await raw(h, 'POST', '/v1/auth/login', login(), json, uniqueLoopbackPeer())).status).toBe(401);
  });
});

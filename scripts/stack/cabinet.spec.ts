import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveCabinet, type CabinetServer } from './cabinet';

/** The static server and /v1 proxy that `npm run up` puts in front of the built cabinet. */
describe('serveCabinet', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cabinet-'));
  let api: Server;
  let cabinet: CabinetServer;
  const seen: { url?: string; forwardedFor?: string; authorization?: string; body?: string } = {};

  beforeAll(async () => {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><p>cabinet</p>');
    writeFileSync(join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
    writeFileSync(join(tmpdir(), 'cabinet-secret.txt'), 'secret');
    api = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        Object.assign(seen, { url: req.url, forwardedFor: req.headers['x-forwarded-for'], authorization: req.headers.authorization, body });
        res.writeHead(409, { 'content-type': 'application/problem+json', 'x-request-id': 'r-1' }).end('{"status":409}');
      });
    });
    await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
    const { port } = api.address() as { port: number };
    cabinet = await serveCabinet({ dir, port: 0, apiUrl: `http://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await cabinet.close();
    await new Promise((resolve) => api.close(resolve));
    rmSync(dir, { recursive: true, force: true });
    rmSync(join(tmpdir(), 'cabinet-secret.txt'), { force: true });
  });

  it('answers the e-mailed link paths with the page, without a Referer and under a strict CSP', async () => {
    const res = await fetch(`${cabinet.url}/register/IeXX-0Cdh8dnSunujqn5aVtzn35tFG4kF1ETr87rYjo`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('cabinet');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves hashed assets as immutable, with their type', async () => {
    const res = await fetch(`${cabinet.url}/assets/index-abc.js`);
    expect(res.headers.get('content-type')).toContain('text/javascript');
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('never serves a file outside the bundle; a malformed path is a 400, not a crash', async () => {
    // Raw request lines: fetch would normalise the dots away before sending.
    for (const path of ['/../cabinet-secret.txt', '/assets/../../cabinet-secret.txt', '/assets/..%2f..%2fcabinet-secret.txt']) {
      expect({ path, ...(await raw(cabinet.url, path)) }).toEqual({ path, status: 200, text: '<!doctype html><p>cabinet</p>' });
    }
    expect(await raw(cabinet.url, '/%E0%A4%A')).toEqual({ status: 400, text: '' });
    expect((await fetch(`${cabinet.url}/`)).status).toBe(200);
  });

  it('forwards /v1 as it came, adding the caller to X-Forwarded-For, and passes the answer back', async () => {
    const res = await fetch(`${cabinet.url}/v1/payments/1/submit?x=1`, {
      method: 'POST',
      headers: { authorization: 'Bearer k', 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
      body: '{"a":1}',
    });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(res.headers.get('x-request-id')).toBe('r-1');
    expect(seen).toEqual({ url: '/v1/payments/1/submit?x=1', forwardedFor: '203.0.113.7, 127.0.0.1', authorization: 'Bearer k', body: '{"a":1}' });
  });

  it('answers 502 problem+json when the API is down', async () => {
    const down = await serveCabinet({ dir, port: 0, apiUrl: 'http://127.0.0.1:1' });
    const res = await fetch(`${down.url}/v1/me`);
    await down.close();
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ status: 502, title: 'Bad Gateway' });
  });
});

/** GET with the path exactly as written. */
function raw(base: string, path: string): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    get({ hostname, port, path }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    }).once('error', reject);
  });
}

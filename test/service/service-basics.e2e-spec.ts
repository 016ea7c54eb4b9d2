import { freePort } from '../../scripts/stack/processes';
import { call, startHarness, type Harness } from '../support/harness';

describe('service basics', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('GET /health answers while alive; GET /ready checks database, Temporal and SMTP', async () => {
    expect(await call(h, 'GET', '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
    const ready = await call(h, 'GET', '/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.info).toMatchObject({ database: { status: 'up' }, temporal: { status: 'up' }, smtp: { status: 'up' } });
  });

  it('GET /ready is 503 naming the part that does not answer', async () => {
    const noSmtp = await startHarness({ SMTP_URL: `smtp://127.0.0.1:${await freePort()}` });
    try {
      const ready = await call(noSmtp, 'GET', '/ready');
      expect(ready.status).toBe(503);
      expect(ready.headers.get('content-type')).toContain('application/problem+json');
      expect(ready.body.checks.smtp.status).toBe('down');
      expect(ready.body.checks.database.status).toBe('up');
    } finally {
      await noSmtp.close();
    }
  });

  it('publishes OpenAPI generated from the same zod schemas that validate', async () => {
    const doc = await call(h, 'GET', '/docs/openapi.json');
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/v1/operator/applications', '/v1/registrations/{token}/verify', '/v1/security/parameters']),
    );
    const text = JSON.stringify(doc.body.components);
    expect(text).toContain('FULL_ACCESS'); // the access-level enum from libs/domain
    expect(text).toContain('150000.00'); // the money example from the domain value object
    expect((await fetch(`${h.baseUrl}/docs`)).status).toBe(200);
  });

  it('unknown routes and wrong methods are problem+json 404s, never 500', async () => {
    const res = await call(h, 'GET', '/v1/nowhere');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('a body over the size limit is refused with 413', async () => {
    const res = await call(h, 'POST', '/v1/operator/applications', { pad: 'x'.repeat(100_000) }, h.operator);
    expect(res.status).toBe(413);
  });
});

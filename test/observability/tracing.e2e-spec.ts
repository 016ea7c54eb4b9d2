// Tracing starts on import, before the harness builds the API and the worker (main.ts files do the same).
import { testExporter, testTracing } from './support/test-tracing';
import { application } from '../support/fixtures';
import { call, eventually, startHarness, type Harness } from '../support/harness';
import { OtlpReceiver, type ReceivedSpan } from './support/otlp-receiver';

/**
 * One cabinet-side request, traced end to end and exported over OTLP to a receiver on
 * loopback: the HTTP span, the Temporal client's span, the workflow's spans (sent from the
 * workflow sandbox through the worker's sink), the activity's span, and the database spans
 * of that activity all carry one trace id and chain up to the HTTP span.
 */
describe('OpenTelemetry traces from REST through Temporal to PostgreSQL', () => {
  let h: Harness;
  const receiver = new OtlpReceiver();

  beforeAll(async () => {
    testExporter.sendTo(await receiver.start());
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
    await testTracing.shutdown();
    await receiver.stop();
  });

  const SIGN_ROUTE = /^POST \/v1\/operator\/applications\/:\w+\/sign$/;
  const isDbSpan = (s: ReceivedSpan) => s.name.startsWith('prisma:');
  /** A database span inside an activity, whose ancestors reach the HTTP request's span. */
  const dbSpanUnder = (root: ReceivedSpan) =>
    receiver.spans.find((s) => s.traceId === root.traceId && isDbSpan(s) && receiver.ancestors(s).some((a) => a.name.startsWith('RunActivity:')));

  it('an operator signing an application: HTTP → update → workflow → activity → SQL in one trace', async () => {
    expect(testTracing.enabled).toBe(true);
    const created = await call(h, 'POST', '/v1/operator/applications', application([{}]), h.operator);
    expect(created.status).toBe(201);
    const { applicationId } = created.body as { applicationId: string };
    const signed = await call(h, 'POST', `/v1/operator/applications/${applicationId}/sign`, undefined, h.operator);
    expect(signed.status).toBe(200);

    const db = await eventually('the signing trace to reach the receiver', async () => {
      await testTracing.flush();
      const http = receiver.spans.find((s) => s.kind === 2 && SIGN_ROUTE.test(s.name));
      return http && dbSpanUnder(http) ? { http, db: dbSpanUnder(http)! } : undefined;
    });

    const chain = [db.db, ...receiver.ancestors(db.db)];
    const names = chain.map((s) => s.name);
    // Nearest first: SQL ← Prisma operation ← activity ← workflow's call ← update handler ← client ← HTTP.
    expect(names).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^RunActivity:/),
        expect.stringMatching(/^StartActivity:/),
        'HandleUpdate:sign',
        'StartWorkflowUpdate:sign',
        expect.stringMatching(SIGN_ROUTE),
      ]),
    );
    expect(chain.at(-1)).toBe(db.http);
    expect(new Set(chain.map((s) => s.traceId))).toEqual(new Set([db.http.traceId]));
    // The route pattern names the span; no URL attribute carries the raw id.
    expect(db.http.attributes['http.route']).toMatch(/^\/v1\/operator\/applications\/:\w+\/sign$/);
    expect(db.http.attributes['http.request.id']).toBe(signed.headers.get('x-request-id'));
  });

  it('a workflow start is traced under the request that started it', async () => {
    const created = await call(h, 'POST', '/v1/operator/applications', application([{}]), h.operator);
    expect(created.status).toBe(201);
    const { applicationId } = created.body as { applicationId: string };
    const start = await eventually('the workflow start span', async () => {
      await testTracing.flush();
      return receiver.spans.find((s) => s.name === 'StartWorkflow:onboardingWorkflow' && s.attributes.temporalWorkflowId === `onboarding-${applicationId}`);
    });
    // The workflow's own RunWorkflow span ends (and leaves) only when the months-long flow does.
    expect(receiver.ancestors(start).at(-1)?.name).toBe('POST /v1/operator/applications');
  });

  it('spans of registration links never carry the e-mailed token', async () => {
    await call(h, 'POST', '/v1/registrations/secret-token-in-path/code');
    const span = await eventually('the registration request span', async () => {
      await testTracing.flush();
      return receiver.spans.find((s) => s.kind === 2 && /^\/v1\/registrations\//.test(String(s.attributes['url.path'])));
    });
    expect(span.attributes['url.path']).toBe('/v1/registrations/[REDACTED]/code');
    expect(JSON.stringify(span)).not.toContain('secret-token-in-path');
  });
});

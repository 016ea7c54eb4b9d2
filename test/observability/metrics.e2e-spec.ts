import { ApiMetricsEndpoint } from '../../apps/api/src/observability/metrics.module';
import type { WorkerRuntime } from '../../apps/worker/src/create-worker';
import { startWorkerEndpoint } from '../../apps/worker/src/observability/worker-endpoint';
import { installWorkerRuntime } from '../../apps/worker/src/observability/worker-runtime';
import type { OpsEndpoint } from '@infra/observability/metrics-endpoint';
import { fromAddress } from '../support/addresses';
import { call, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { registerPartner, type RegisteredPartner } from '../support/users';

const scrape = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
};

/**
 * Prometheus endpoints as an operator's scraper sees them: the API's on its own port (never
 * on the cabinet-facing one), and the worker's with the Temporal SDK's series and a health probe.
 */
describe('Prometheus /metrics on the API and the worker, and the worker health probe', () => {
  let h: Harness;
  let partner: RegisteredPartner;
  let sdkMetricsUrl: string;
  let workerEndpoint: OpsEndpoint;
  const mail = new MailCatcher();

  beforeAll(async () => {
    // As the worker's main.ts does: the SDK's runtime (logs, metrics) before any worker exists.
    ({ sdkMetricsUrl } = await installWorkerRuntime({ LOG_LEVEL: 'silent', TEMPORAL_SDK_METRICS_PORT: 0 }));
    h = await startHarness();
    workerEndpoint = await startWorkerEndpoint({ WORKER_HTTP_HOST: '127.0.0.1', WORKER_HTTP_PORT: 0 }, h.worker, sdkMetricsUrl);
    partner = await registerPartner(h, mail);
  });
  afterAll(async () => {
    await workerEndpoint?.close();
    await h?.close();
  });

  it('the API serves /metrics on its own loopback port, not on the cabinet-facing one', async () => {
    const url = h.api.get(ApiMetricsEndpoint).url!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(url).not.toBe(h.baseUrl);
    expect((await call(h, 'GET', '/metrics')).status).toBe(404);
    const { status, type } = await scrape(`${url}/metrics`);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('HTTP latency by route pattern and status, sign-ins by outcome, the audit seal lag', async () => {
    const user = partner.users[0]!;
    expect((await call(h, 'POST', '/v1/auth/login', { login: user.login, password: user.password }, fromAddress())).status).toBe(200);
    expect((await call(h, 'POST', '/v1/auth/login', { login: user.login, password: 'not-the-password-1A!' }, fromAddress())).status).toBe(401);
    const { text } = await scrape(`${h.api.get(ApiMetricsEndpoint).url}/metrics`);

    expect(text).toMatch(/^http_server_request_duration_seconds_bucket\{le="0\.1",method="POST",route="\/v1\/auth\/login",status_code="200"\} \d+$/m);
    expect(text).toMatch(/^http_server_request_duration_seconds_count\{method="POST",route="\/v1\/operator\/applications\/:\w+\/sign",status_code="200"\} [1-9]/m);
    expect(text).toMatch(/^http_server_request_duration_seconds_count\{method="POST",route="\/v1\/registrations\/:token\/code",status_code="202"\} [1-9]/m);
    // Route patterns only: no id, no e-mailed token becomes a label.
    expect(text).not.toContain(partner.applicationId);
    expect(text).not.toMatch(/route="[^"]*[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(text).toMatch(/^bank_flows_logins_total\{method="password",outcome="success"\} [1-9]/m);
    expect(text).toMatch(/^bank_flows_logins_total\{method="password",outcome="refused"\} [1-9]/m);
    expect(text).toMatch(/^bank_flows_audit_seal_lag_seconds \d+(\.\d+)?(e[-+]\d+)?$/m);
    expect(text).toMatch(/^process_cpu_seconds_total /m);
  });

  it('the worker serves its own series, the codes it sent and the Temporal SDK’s', async () => {
    const { status, text } = await scrape(`${workerEndpoint.url}/metrics`);
    expect(status).toBe(200);
    expect(text).toMatch(/^bank_flows_codes_sent_total\{purpose="REGISTRATION"\} [1-9]/m);
    expect(text).toMatch(/^temporal_\w+/m);
    expect(text).toMatch(/^temporal_worker_task_slots_available\{/m);
    expect(text).not.toContain('temporal sdk metrics unavailable');
  });

  it('worker health: 200 while it polls and Temporal answers, 503 otherwise', async () => {
    const ok = await scrape(`${workerEndpoint.url}/health`);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text)).toEqual({ status: 'ok', worker: 'RUNNING', temporal: 'up' });

    const stopped = { ...h.worker, worker: { getState: () => 'STOPPED' } } as unknown as WorkerRuntime;
    const probe = await startWorkerEndpoint({ WORKER_HTTP_HOST: '127.0.0.1', WORKER_HTTP_PORT: 0 }, stopped);
    try {
      const down = await scrape(`${probe.url}/health`);
      expect(down.status).toBe(503);
      expect(JSON.parse(down.text)).toMatchObject({ status: 'unavailable', worker: 'STOPPED' });
      expect((await scrape(`${probe.url}/anything`)).status).toBe(404);
    } finally {
      await probe.close();
    }
  });
});

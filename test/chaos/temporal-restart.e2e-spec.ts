import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, type Managed } from '../../scripts/stack/processes';
import { ROOT, startTemporal } from '../../scripts/stack/temporal';
import { application } from '../support/fixtures';
import { call, eventually, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { applicationStatus, completeRegistration, invite, register, smsCodes } from './support/flows';

/**
 * The Temporal server restarted in the middle of flows. A dev server of this spec's
 * own keeps its state in a SQLite file; it is killed and started again on the same
 * port and file, and every flow — waiting on users, on timers or on activities —
 * carries on where it was. The API and the worker stay up throughout and reconnect.
 */
describe('chaos: the Temporal server restarted', () => {
  let h: Harness;
  let temporal: Managed;
  let start: () => Promise<Managed>;
  let dir: string;
  const mail = new MailCatcher();

  beforeAll(async () => {
    const port = await freePort();
    dir = join(ROOT, '.data', 'test', `chaos-temporal-${process.pid}-${Date.now().toString(36)}`);
    start = () => startTemporal({ port, uiPort: 0, headless: true, namespace: 'default', dbFile: join(dir, 'temporal.db'), logFile: join(dir, 'temporal.log') });
    temporal = await start();
    h = await startHarness({ TEMPORAL_ADDRESS: `127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await h.close();
    await temporal.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every flow completes after a restart mid-flow', async () => {
    // Three flows at different points: a code in hand, a link not opened yet, an application not yet accepted.
    const withCode = await invite(h, 1);
    const token = await mail.linkToken(withCode.users[0]!.email);
    expect((await call(h, 'POST', `/v1/registrations/${token}/code`)).status).toBe(202);
    const code = await mail.smsCode(withCode.users[0]!.phone);
    const app = await call(h, 'POST', '/v1/operator/applications', application([{}]), h.operator);
    expect(app.status).toBe(201);
    await call(h, 'POST', `/v1/operator/applications/${app.body.applicationId}/sign`, undefined, h.operator);
    // Killed as soon as this one is accepted: its registrations start and send their links meanwhile.
    const linkOnly = await invite(h, 3);

    await temporal.stop('SIGKILL');
    temporal = await start();
    await eventually('the API to reach Temporal again', async () => ((await call(h, 'GET', '/ready')).status === 200 ? true : undefined), 60_000);

    await completeRegistration(h, token, code);
    for (const user of linkOnly.users) await register(h, mail, user);
    const accepted = await call(h, 'POST', `/v1/operator/applications/${app.body.applicationId}/agreement-acceptance`, undefined, h.operator);
    expect(accepted).toMatchObject({ status: 200, body: { status: 'INVITING' } });
    const invited = (await call(h, 'GET', `/v1/operator/applications/${app.body.applicationId}`, undefined, h.operator)).body;
    expect(invited.users).toHaveLength(1);
    await applicationStatus(h, withCode.applicationId, 'COMPLETED');
    await applicationStatus(h, linkOnly.applicationId, 'COMPLETED');
    // Nothing was sent twice across the restart.
    for (const user of [...withCode.users, ...linkOnly.users]) {
      expect((await mail.to(user.email)).filter((m) => m.text.includes('/register/'))).toHaveLength(1);
      expect(await smsCodes(mail, user.phone)).toHaveLength(1);
    }
  });
});

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { registrationWorkflowId } from '@workflows/registration/registration.messages';
import { startMailDev } from '../../scripts/stack/maildev';
import { freePort, type Managed } from '../../scripts/stack/processes';
import { ROOT } from '../../scripts/stack/temporal';
import { call, eventually, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { applicationStatus, completeRegistration, invite, register, smsCodes } from './support/flows';

/**
 * The mail server (e-mail and SMS-over-SMTP) down: sends fail and their activities
 * retry; once it is back every message goes out, none lost and none twice (§1.4).
 * A MailDev of this spec's own is stopped and started again on the same ports and
 * mail directory, so what it caught before the outage is still counted.
 */
describe('chaos: the mail server down', () => {
  let h: Harness;
  let maildev: Managed;
  let mail: MailCatcher;
  let startMail: () => Promise<Managed>;
  let dir: string;

  beforeAll(async () => {
    const [smtpPort, webPort] = [await freePort(), await freePort()];
    dir = join(ROOT, '.data', 'test', `chaos-smtp-${process.pid}-${Date.now().toString(36)}`);
    startMail = () => startMailDev({ smtpPort, webPort, mailDir: join(dir, 'mail'), logFile: join(dir, 'maildev.log') });
    maildev = await startMail();
    mail = new MailCatcher(`http://127.0.0.1:${webPort}`);
    h = await startHarness({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
  });
  afterAll(async () => {
    await h.close();
    await maildev.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const registrations = async (applicationId: string) => {
    const app = await call(h, 'GET', `/v1/operator/applications/${applicationId}`, undefined, h.operator);
    return (app.body.users as { userId: string }[]).map((u) => registrationWorkflowId(u.userId, 1));
  };
  const pendingAttempts = async (workflowId: string) => {
    const { raw } = await h.temporal.workflow.getHandle(workflowId).describe();
    return Math.max(0, ...(raw.pendingActivities ?? []).map((a) => a.attempt ?? 0));
  };

  it('links and codes sent during the outage arrive once it is back, each exactly once', async () => {
    const before = await invite(h, 1);
    const token = await mail.linkToken(before.users[0]!.email);

    await maildev.stop();
    const during = await invite(h, 2);
    // The SMS is sent inside the code request's Update: the call waits while its activity retries.
    const codeRequest = call(h, 'POST', `/v1/registrations/${token}/code`);
    const retrying = [...(await registrations(during.applicationId)), ...(await registrations(before.applicationId))];
    await eventually(
      'the link e-mails and the SMS failing and retrying',
      async () => {
        const attempts = await Promise.all(retrying.map(pendingAttempts));
        return attempts.every((a) => a >= 2) ? attempts : undefined;
      },
      30_000,
    );

    maildev = await startMail();
    expect((await codeRequest).status).toBe(202);
    await completeRegistration(h, token, await mail.smsCode(before.users[0]!.phone));
    for (const user of during.users) await register(h, mail, user);
    await applicationStatus(h, before.applicationId, 'COMPLETED');
    await applicationStatus(h, during.applicationId, 'COMPLETED');

    for (const user of [...before.users, ...during.users]) {
      const links = (await mail.to(user.email)).filter((m) => m.text.includes('/register/'));
      expect(links).toHaveLength(1);
      expect(await smsCodes(mail, user.phone)).toHaveLength(1);
    }
  });
});

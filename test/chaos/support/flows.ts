import { application, STRONG_PASSWORD } from '../../support/fixtures';
import { call, eventually, type Harness } from '../../support/harness';
import type { MailCatcher } from '../../support/mail';

/** A recorded, signed and accepted application: its users now get registration links (§1.5). */
export interface Invited {
  applicationId: string;
  partnerId: string;
  accounts: string[];
  users: { email: string; phone: string }[];
}

type Api = Pick<Harness, 'baseUrl' | 'operator'>;

const must = (what: string, res: { status: number; body: unknown }, status: number) => {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
};

export async function invite(h: Api, users = 1): Promise<Invited> {
  const body = application(Array.from({ length: users }, () => ({})));
  const created = await call(h, 'POST', '/v1/operator/applications', body, h.operator);
  must('record application', created, 201);
  const { applicationId, partnerId } = created.body as { applicationId: string; partnerId: string };
  must('sign', await call(h, 'POST', `/v1/operator/applications/${applicationId}/sign`, undefined, h.operator), 200);
  must('accept', await call(h, 'POST', `/v1/operator/applications/${applicationId}/agreement-acceptance`, undefined, h.operator), 200);
  return { applicationId, partnerId, accounts: body.accounts.map((a) => a.iban), users: body.users.map((u) => ({ email: u.email, phone: u.phone })) };
}

/** The 6-digit codes of every SMS a phone received, oldest first. */
export async function smsCodes(mail: MailCatcher, phone: string): Promise<string[]> {
  const mails = (await mail.to(`${phone.replace(/\D/g, '')}@sms.localhost`)).sort((a, b) => a.time.localeCompare(b.time));
  return mails.map((m) => /\b(\d{6})\b/.exec(m.text)?.[1] ?? '?');
}

/** From a code in hand to ACTIVE: verify, then the password (§1.7, §1.10). */
export async function completeRegistration(h: Api, token: string, code: string): Promise<void> {
  must('verify', await call(h, 'POST', `/v1/registrations/${token}/verify`, { code }), 200);
  const done = await call(h, 'POST', `/v1/registrations/${token}/password`, { password: STRONG_PASSWORD });
  must('set password', done, 200);
  if ((done.body as { status: string }).status !== 'ACTIVE') throw new Error(`registration ended ${JSON.stringify(done.body)}`);
}

/** The whole registration of one invited user, from the e-mailed link on. */
export async function register(h: Api, mail: MailCatcher, user: { email: string; phone: string }): Promise<void> {
  const token = await mail.linkToken(user.email);
  must('request code', await call(h, 'POST', `/v1/registrations/${token}/code`), 202);
  await completeRegistration(h, token, await mail.smsCode(user.phone));
}

export function applicationStatus(h: Api, applicationId: string, status: string, timeoutMs = 60_000) {
  return eventually(
    `application ${applicationId} ${status}`,
    async () => {
      const res = await call(h, 'GET', `/v1/operator/applications/${applicationId}`, undefined, h.operator);
      return res.body?.status === status ? res.body : undefined;
    },
    timeoutMs,
  );
}

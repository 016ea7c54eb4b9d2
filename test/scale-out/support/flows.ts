import { application, STRONG_PASSWORD } from '../../support/fixtures';
import { call, eventually } from '../../support/harness';
import type { MailCatcher } from '../../support/mail';
import type { ApiNode } from './cluster';
import type { Traffic } from './traffic';

export const operator = () => ({ authorization: `Bearer ${process.env.OPERATOR_TOKENS!.split(',')[0]!.replace(/^[a-z][a-z0-9_-]*:/, '')}` });

export interface Member {
  email: string;
  phone: string;
  userId?: string;
  login?: string;
  auth?: Record<string, string>;
}

export interface Partner {
  applicationId: string;
  partnerId: string;
  iban: string;
  users: Member[];
}

/** Records, signs and accepts an application (§1.5), each step on the next API in `apis`. */
export async function onboard(t: Traffic, apis: ApiNode[], users: number): Promise<Partner> {
  const body = application(Array.from({ length: users }, () => ({ accessLevel: 'FULL_ACCESS' as const })));
  const { applicationId, partnerId } = await t.must(201, apis[0]!, 'POST', '/v1/operator/applications', body, operator());
  await t.must(200, apis[1 % apis.length]!, 'POST', `/v1/operator/applications/${applicationId}/sign`, undefined, operator());
  await t.must(200, apis[2 % apis.length]!, 'POST', `/v1/operator/applications/${applicationId}/agreement-acceptance`, undefined, operator());
  return { applicationId, partnerId, iban: body.accounts[0]!.iban, users: body.users.map((u) => ({ email: u.email, phone: u.phone })) };
}

const smsBox = (phone: string) => `${phone.replace(/\D/g, '')}@sms.localhost`;

/** The code of the `nth` SMS with a code to `phone`, waiting as long as a retried send may take. */
export async function nthCode(mail: MailCatcher, phone: string, nth: number, timeoutMs = 90_000): Promise<string> {
  const mails = await mail.waitForMatching(smsBox(phone), /\b\d{6}\b/, nth, timeoutMs);
  return /\b(\d{6})\b/.exec(mails[nth - 1]!.text)![1]!;
}

/** Link → SMS code → verify → password → ACTIVE (§1.7, §1.10), alternating between APIs step by step. */
export async function register(t: Traffic, apis: ApiNode[], mail: MailCatcher, user: Member, offset: number): Promise<void> {
  const api = (step: number) => apis[(offset + step) % apis.length]!;
  const [first] = await mail.waitFor(user.email, 1, 90_000);
  const token = /\/register\/([A-Za-z0-9_-]{43})/.exec(first!.text)![1]!;
  await t.must(202, api(0), 'POST', `/v1/registrations/${token}/code`);
  const code = await nthCode(mail, user.phone, 1);
  await t.must(200, api(1), 'POST', `/v1/registrations/${token}/verify`, { code });
  const done = await t.must<{ userId: string; login: string; status: string }>(200, api(2), 'POST', `/v1/registrations/${token}/password`, {
    password: STRONG_PASSWORD,
  });
  if (done.status !== 'ACTIVE') throw new Error(`registration ended ${JSON.stringify(done)}`);
  user.userId = done.userId;
  user.login = done.login;
}

export async function signIn(t: Traffic, api: ApiNode, user: Member): Promise<void> {
  const { sessionKey } = await t.must<{ sessionKey: string }>(200, api, 'POST', '/v1/auth/login', { login: user.login, password: STRONG_PASSWORD });
  user.auth = { authorization: `Bearer ${sessionKey}` };
}

export function applicationCompleted(api: ApiNode, applicationId: string, timeoutMs = 90_000) {
  return eventually(
    `application ${applicationId} COMPLETED`,
    async () => {
      const res = await call(api, 'GET', `/v1/operator/applications/${applicationId}`, undefined, operator());
      return res.body?.status === 'COMPLETED' ? true : undefined;
    },
    timeoutMs,
  );
}

export function paymentStatus(api: ApiNode, user: Member, paymentId: string, status: string, timeoutMs = 120_000) {
  return eventually(
    `payment ${paymentId} ${status}`,
    async () => {
      const res = await call(api, 'GET', `/v1/payments/${paymentId}`, undefined, user.auth);
      return res.body?.status === status ? res.body : undefined;
    },
    timeoutMs,
  );
}

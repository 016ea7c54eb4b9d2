import { application, STRONG_PASSWORD } from './fixtures';
import { call, type Harness } from './harness';
import type { MailCatcher } from './mail';

export type TestAccessLevel = 'FULL_ACCESS' | 'CREATE_AND_VIEW';

export interface RegisteredUser {
  userId: string;
  login: string;
  phone: string;
  password: string;
  accessLevel: string;
}

export interface RegisteredPartner {
  partnerId: string;
  applicationId: string;
  bin: string;
  accounts: string[];
  users: RegisteredUser[];
}

const expectStatus = (what: string, res: { status: number; body: unknown }, status: number) => {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
};

/**
 * Onboards a partner through the operator REST endpoints (record, sign, accept)
 * and registers every listed user through the cabinet REST flow (link, SMS code,
 * password), so each comes back ACTIVE with a known password (§1.5–§1.7).
 */
export async function registerPartner(h: Harness, mail: MailCatcher, users: { accessLevel?: TestAccessLevel }[] = [{}]): Promise<RegisteredPartner> {
  const body = application(users);
  const created = await call(h, 'POST', '/v1/operator/applications', body, h.operator);
  expectStatus('record application', created, 201);
  const { applicationId, partnerId } = created.body as { applicationId: string; partnerId: string };
  expectStatus('sign', await call(h, 'POST', `/v1/operator/applications/${applicationId}/sign`, undefined, h.operator), 200);
  expectStatus('accept', await call(h, 'POST', `/v1/operator/applications/${applicationId}/agreement-acceptance`, undefined, h.operator), 200);
  const registered = await Promise.all(
    body.users.map(async (user) => {
      const token = await mail.linkToken(user.email);
      expectStatus('request code', await call(h, 'POST', `/v1/registrations/${token}/code`), 202);
      const code = await mail.smsCode(user.phone);
      expectStatus('verify code', await call(h, 'POST', `/v1/registrations/${token}/verify`, { code }), 200);
      const done = await call(h, 'POST', `/v1/registrations/${token}/password`, { password: STRONG_PASSWORD });
      expectStatus('set password', done, 200);
      const { userId, login } = done.body as { userId: string; login: string };
      return { userId, login, phone: user.phone, password: STRONG_PASSWORD, accessLevel: user.accessLevel };
    }),
  );
  return { partnerId, applicationId, bin: body.partner.bin, accounts: body.accounts.map((a) => a.iban), users: registered };
}

/** Password login (§1.16) exactly as a cabinet does it; returns the session key. */
export async function login(h: Pick<Harness, 'baseUrl'>, userLogin: string, password: string): Promise<string> {
  const res = await call(h, 'POST', '/v1/auth/login', { login: userLogin, password });
  expectStatus(`login ${userLogin}`, res, 200);
  return (res.body as { sessionKey: string }).sessionKey;
}

/** The Authorization header of a cabinet session. */
export const bearer = (sessionKey: string) => ({ authorization: `Bearer ${sessionKey}` });

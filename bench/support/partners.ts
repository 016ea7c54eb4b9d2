import { application, STRONG_PASSWORD } from '../../test/support/fixtures';
import type { BenchStack } from './bench-stack';
import { call, expect, mapLimit } from './http';
import type { Mailbox } from './mailbox';

export interface BenchUser {
  email: string;
  phone: string;
  password: string;
  /** The e-mailed registration token, once read. */
  token?: string;
  /** The SMS code of the registration, once read. */
  code?: string;
  userId?: string;
}

export interface BenchPartner {
  partnerId: string;
  applicationId: string;
  accounts: string[];
  users: BenchUser[];
}

/** Records an application with `users` full-access users, signs it and records the acceptance (§1.5). */
export async function invitePartner(stack: BenchStack, users: number): Promise<BenchPartner> {
  const body = application(Array.from({ length: users }, () => ({ accessLevel: 'FULL_ACCESS' as const })));
  const created = expect('record application', await call(stack.apiUrl, 'POST', '/v1/operator/applications', body, stack.operator), 201);
  const { applicationId, partnerId } = created as { applicationId: string; partnerId: string };
  expect('sign', await call(stack.apiUrl, 'POST', `/v1/operator/applications/${applicationId}/sign`, undefined, stack.operator), 200);
  expect('accept', await call(stack.apiUrl, 'POST', `/v1/operator/applications/${applicationId}/agreement-acceptance`, undefined, stack.operator), 200);
  return {
    partnerId,
    applicationId,
    accounts: body.accounts.map((a) => a.iban),
    users: body.users.map((u) => ({ email: u.email, phone: u.phone, password: STRONG_PASSWORD })),
  };
}

/** Brings every user's registration to CODE_SENT: reads the links, asks for codes, reads the SMS. */
export async function requestCodes(stack: BenchStack, mail: Mailbox, users: BenchUser[], concurrency = 8): Promise<void> {
  const tokens = await mail.linkTokens(users.map((u) => u.email));
  for (const u of users) u.token = tokens.get(u.email.toLowerCase());
  await mapLimit(users, concurrency, async (u) => {
    expect('request code', await call(stack.apiUrl, 'POST', `/v1/registrations/${u.token}/code`), 202);
  });
  const codes = await mail.smsCodes(users.map((u) => u.phone));
  for (const u of users) u.code = codes.get(u.phone);
}

/** Finishes registrations at CODE_SENT: verify the code, set the password → ACTIVE (§1.7, §1.10). */
export async function finishRegistrations(stack: BenchStack, users: BenchUser[], concurrency = 4): Promise<void> {
  await mapLimit(users, concurrency, async (u) => {
    expect('verify', await call(stack.apiUrl, 'POST', `/v1/registrations/${u.token}/verify`, { code: u.code }), 200);
    const done = expect('password', await call(stack.apiUrl, 'POST', `/v1/registrations/${u.token}/password`, { password: u.password }), 200);
    u.userId = (done as { userId: string }).userId;
  });
}

/** Signs in with the password; returns the session key. */
export async function signIn(stack: BenchStack, user: BenchUser): Promise<string> {
  const body = expect('login', await call(stack.apiUrl, 'POST', '/v1/auth/login', { login: user.email.toLowerCase(), password: user.password }), 200);
  return (body as { sessionKey: string }).sessionKey;
}

import { randomInt } from 'node:crypto';
import { bin, kzIban } from '../support/fixtures';
import { call, eventually, type Harness, type HttpResult } from '../support/harness';
import type { MailCatcher } from '../support/mail';
import { bearer, login, registerPartner, type RegisteredPartner, type RegisteredUser, type TestAccessLevel } from '../support/users';

/** A registered partner whose users are logged in, as the cabinet would have them. */
export interface Cabinet {
  partner: RegisteredPartner;
  users: (RegisteredUser & { auth: Record<string, string> })[];
}

export async function cabinet(h: Harness, mail: MailCatcher, levels: TestAccessLevel[]): Promise<Cabinet> {
  const partner = await registerPartner(
    h,
    mail,
    levels.map((accessLevel) => ({ accessLevel })),
  );
  const users = await Promise.all(partner.users.map(async (u) => ({ ...u, auth: bearer(await login(h, u.login, u.password)) })));
  return { partner, users };
}

/** A valid document paying `amount` KZT from the partner's first account to a fresh beneficiary. */
export const documentBody = (c: Cabinet, amount = '1500.50') => ({
  debitIban: c.partner.accounts[0]!,
  amount,
  beneficiary: { name: `ТОО «Получатель ${randomInt(1e6)}»`, binIin: bin(), iban: kzIban(), bic: 'CASPKZKA', kbe: '17' },
  knp: '710',
  purpose: 'Оплата по договору поставки №17',
});

/** The e-mail address of a phone's SMS in the mail catcher. */
export const smsBox = (phone: string) => `${phone.replace(/\D/g, '')}@sms.localhost`;

export async function smsCount(mail: MailCatcher, phone: string): Promise<number> {
  return (await mail.to(smsBox(phone))).length;
}

/** The text and 6-digit code of the SMS number `n` (1-based) to `phone`. */
export async function nthSms(mail: MailCatcher, phone: string, n: number): Promise<{ text: string; code: string }> {
  const all = await mail.waitFor(smsBox(phone), n);
  const text = all[n - 1]!.text.trim();
  const code = /\b(\d{6})\b/.exec(text)?.[1];
  if (!code) throw new Error(`no code in SMS to ${phone}: ${text}`);
  return { text, code };
}

/** Creates and submits a document; returns its id. */
export async function submitted(h: Harness, c: Cabinet, by = c.users[0]!, amount?: string): Promise<string> {
  const created = await call(h, 'POST', '/v1/payments', documentBody(c, amount), by.auth);
  expectStatus(created, 201);
  expectStatus(await call(h, 'POST', `/v1/payments/${created.body.id}/submit`, undefined, by.auth), 200);
  return created.body.id;
}

/** Requests a code as `user` and reads it from the SMS it got. */
export async function requestCode(h: Harness, mail: MailCatcher, user: Cabinet['users'][number], paymentId: string) {
  const before = await smsCount(mail, user.phone);
  const res = await call(h, 'POST', `/v1/payments/${paymentId}/confirmations`, undefined, user.auth);
  expectStatus(res, 202);
  const sms = await nthSms(mail, user.phone, before + 1);
  return { challengeId: res.body.challengeId as string, expiresAt: res.body.expiresAt as string, ...sms };
}

export function verify(h: Harness, user: Cabinet['users'][number], paymentId: string, challengeId: string, code: string) {
  return call(h, 'POST', `/v1/payments/${paymentId}/confirmations/${challengeId}/verify`, { code }, user.auth);
}

/** A full confirmation: code requested, read from the SMS, verified. */
export async function confirm(h: Harness, mail: MailCatcher, user: Cabinet['users'][number], paymentId: string) {
  const { challengeId, code } = await requestCode(h, mail, user, paymentId);
  const res = await verify(h, user, paymentId, challengeId, code);
  expectStatus(res, 200);
  return res.body as { status: string; confirmations: number; requiredConfirmations: number };
}

export async function statusBecomes(h: Harness, user: Cabinet['users'][number], paymentId: string, status: string, timeoutMs = 30_000) {
  return eventually(
    `payment ${paymentId} ${status}`,
    async () => {
      const res = await call(h, 'GET', `/v1/payments/${paymentId}`, undefined, user.auth);
      return res.body.status === status ? res.body : undefined;
    },
    timeoutMs,
  );
}

/** Changes the partner's approval policy with the changing user's SMS code. */
export async function setPolicy(h: Harness, mail: MailCatcher, user: Cabinet['users'][number], body: unknown) {
  const before = await smsCount(mail, user.phone);
  const put = await call(h, 'PUT', '/v1/partner/approval-policy', body, user.auth);
  expectStatus(put, 202);
  const { code } = await nthSms(mail, user.phone, before + 1);
  const done = await call(h, 'POST', `/v1/partner/approval-policy/changes/${put.body.challengeId}/verify`, { code }, user.auth);
  expectStatus(done, 200);
  return done.body;
}

export function expectStatus(res: HttpResult, status: number): void {
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
}

import type { Payload } from '@temporalio/common';
import { email, mobile, STRONG_PASSWORD } from '../support/fixtures';
import { call, eventually, type Harness } from '../support/harness';
import type { MailCatcher } from '../support/mail';
import { bearer } from '../support/users';

/** A new user's details as a creator types them (§1.8.1). */
export const newUser = (tag = 'sub') => ({ fullName: `Sub User ${tag}`, email: email(tag), phone: mobile() });

export const createRequest = (h: Harness, session: string, body: object) => call(h, 'POST', '/v1/users', body, bearer(session));

export const requestOf = (h: Harness, session: string, requestId: string) => call(h, 'GET', `/v1/users/requests/${requestId}`, undefined, bearer(session));

export const confirm = (h: Harness, session: string, requestId: string, code: string) =>
  call(h, 'POST', `/v1/users/requests/${requestId}/confirm`, { code }, bearer(session));

/** Polls the cabinet's view until the request reaches `status`. */
export const waitForStatus = (h: Harness, session: string, requestId: string, status: string, timeoutMs = 20_000) =>
  eventually(
    `request ${requestId} to be ${status}`,
    async () => {
      const res = await requestOf(h, session, requestId);
      return res.body.status === status ? res.body : undefined;
    },
    timeoutMs,
  );

const SUB_USER_SMS = /қосу коды|добавления пользователя/;

/** The sub-user confirmation codes (§1.8.2) sent to `phone` so far, oldest first, told apart from other SMS by their text. */
async function subUserCodes(mail: MailCatcher, phone: string): Promise<string[]> {
  const sms = (await mail.to(`${phone.replace(/\D/g, '')}@sms.localhost`)).filter((m) => SUB_USER_SMS.test(m.text));
  return sms.sort((a, b) => a.time.localeCompare(b.time)).map((m) => /\b(\d{6})\b/.exec(m.text)![1]!);
}

/** The `nth` sub-user confirmation code sent to `phone`, once it has arrived. */
export const subUserCode = (mail: MailCatcher, phone: string, nth: number) =>
  eventually(`sub-user code #${nth} to ${phone}`, async () => (await subUserCodes(mail, phone))[nth - 1]);

type Creator = { session: string; phone: string };

/** Creates a request (202 expected) and reads the code it sent to the creator's phone. */
export async function createWithCode(h: Harness, mail: MailCatcher, creator: Creator, body: object) {
  const before = (await subUserCodes(mail, creator.phone)).length;
  const created = await createRequest(h, creator.session, body);
  if (created.status !== 202) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  return { requestId: created.body.requestId as string, created: created.body, code: await subUserCode(mail, creator.phone, before + 1) };
}

/** Creates a request and confirms it with the code from the creator's SMS (§1.8.2). */
export async function createAndConfirm(h: Harness, mail: MailCatcher, creator: Creator, body: object) {
  const { requestId, code } = await createWithCode(h, mail, creator, body);
  const confirmed = await confirm(h, creator.session, requestId, code);
  if (confirmed.status !== 202) throw new Error(`confirm: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
  return { requestId, code };
}

/** §1.8.4: the new user registers exactly as a listed user does: link, SMS code, password. */
export async function registerByLink(h: Harness, mail: MailCatcher, user: { email: string; phone: string }) {
  const token = await mail.linkToken(user.email);
  const sent = await call(h, 'POST', `/v1/registrations/${token}/code`);
  if (sent.status !== 202) throw new Error(`registration code: ${sent.status} ${JSON.stringify(sent.body)}`);
  const code = await mail.smsCode(user.phone);
  const verified = await call(h, 'POST', `/v1/registrations/${token}/verify`, { code });
  if (verified.status !== 200) throw new Error(`registration verify: ${verified.status} ${JSON.stringify(verified.body)}`);
  const done = await call(h, 'POST', `/v1/registrations/${token}/password`, { password: STRONG_PASSWORD });
  if (done.status !== 200) throw new Error(`registration password: ${done.status} ${JSON.stringify(done.body)}`);
  return { token, code, ...(done.body as { userId: string; login: string; status: string }) };
}

/**
 * Everything a workflow's history and description hold, as text, with every payload
 * decoded through the client's codecs (so encrypted payloads are read as an
 * operator with the codec would read them) and its data spelled out as UTF-8.
 */
export async function historyText(h: Harness, workflowId: string): Promise<string> {
  const handle = h.temporal.workflow.getHandle(workflowId);
  const raw = { history: await handle.fetchHistory(), description: await handle.describe() };
  const codecs = [...(h.temporal.options.loadedDataConverter.payloadCodecs ?? [])].reverse();
  const payloads: Payload[] = [];
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object' || ArrayBuffer.isView(node)) return;
    if ('data' in node && 'metadata' in node) payloads.push(node as Payload);
    for (const value of Object.values(node)) visit(value);
  };
  visit(raw);
  let decoded = payloads;
  for (const codec of codecs) decoded = await codec.decode(decoded);
  const texts = decoded.map((p) => (p.data ? Buffer.from(p.data).toString('utf8') : ''));
  return `${JSON.stringify(raw, (_k, v) => (typeof v === 'bigint' ? String(v) : v))}\n${texts.join('\n')}`;
}

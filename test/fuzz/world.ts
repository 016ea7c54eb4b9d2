import { uniqueClientAddress, fromAddress } from '../support/addresses';
import { application, email } from '../support/fixtures';
import { call, type Harness } from '../support/harness';
import type { MailCatcher } from '../support/mail';
import { cabinet, confirm, documentBody, expectStatus, requestCode, submitted, type Cabinet } from '../payments/support';
import { createAndConfirm, createWithCode, newUser, waitForStatus } from '../sub-users/support';
import { bearer, login, registerPartner, type RegisteredPartner } from '../support/users';
import type { FuzzTargets } from './cases';
import type { Operation } from './openapi';
import { uuidFrom } from './values';

/**
 * The fixtures the fuzz attacks, fresh for this spec: a partner whose three full-access users
 * are signed in (one fuzzes, one is the session `logout` may end, one the session whose password
 * checks may fail), a second partner whose user and account the operator's block and reinvite
 * act on, documents and sub-user requests in live states, each command with a target of its own.
 */
export interface FuzzWorld {
  cabinet: Cabinet;
  victim: RegisteredPartner;
  pendingApplicationId: string;
  payments: Record<'read' | 'patch' | 'submit' | 'return' | 'cancel' | 'confirmations' | 'verify' | 'receipt' | 'execute' | 'refuse', string>;
  paymentChallengeId: string;
  policyChallengeId: string;
  requests: Record<'read' | 'confirm' | 'approve' | 'reject', string>;
  /** More sessions of the fuzzing user: every cabinet request marks its session's row, so one row would serialise them. */
  fuzzerSessions: Record<string, string>[];
  address: string;
  /** Session keys and tokens the report must never print. */
  secrets: string[];
}

const sessionOf = (c: Cabinet, i: number) => c.users[i]!.auth.authorization!.slice('Bearer '.length);

export async function buildWorld(h: Harness, mail: MailCatcher): Promise<FuzzWorld> {
  const [c, victim] = await Promise.all([cabinet(h, mail, ['FULL_ACCESS', 'FULL_ACCESS', 'FULL_ACCESS']), registerPartner(h, mail, [{}])]);
  const fuzzer = c.users[0]!;
  const pending = await call(h, 'POST', '/v1/operator/applications', application(), h.operator);
  expectStatus(pending, 201);

  const awaiting = () => submitted(h, c, fuzzer);
  const held = async () => {
    const id = await submitted(h, c, fuzzer, '5000.00');
    await confirm(h, mail, fuzzer, id);
    return id;
  };
  const draft = async () => {
    const created = await call(h, 'POST', '/v1/payments', documentBody(c), fuzzer.auth);
    expectStatus(created, 201);
    return created.body.id as string;
  };
  const [read, patch, ret, cancel, confirmations, verify, receipt] = await Promise.all(Array.from({ length: 7 }, awaiting));
  // Codes are read from the fuzzer's SMS by their order: one code at a time.
  const submit = await draft();
  const execute = await held();
  const refuse = await held();
  const { challengeId: paymentChallengeId } = await requestCode(h, mail, fuzzer, verify!);
  const policy = await call(h, 'PUT', '/v1/partner/approval-policy', { rules: [{ minAmount: '0', requiredConfirmations: 1 }] }, fuzzer.auth);
  expectStatus(policy, 202);

  const creator = { session: sessionOf(c, 0), phone: fuzzer.phone };
  const [readReq, confirmReq] = [await createWithCode(h, mail, creator, newUser('fz-read')), await createWithCode(h, mail, creator, newUser('fz-confirm'))];
  const [approveReq, rejectReq] = [await createAndConfirm(h, mail, creator, newUser('fz-approve')), await createAndConfirm(h, mail, creator, newUser('fz-reject'))];
  await Promise.all([approveReq, rejectReq].map((r) => waitForStatus(h, creator.session, r.requestId, 'AWAITING_OPERATOR')));

  const more = await Promise.all([1, 2, 3].map(() => login(h, fuzzer.login, fuzzer.password)));
  return {
    cabinet: c,
    fuzzerSessions: [fuzzer.auth, ...more.map(bearer)],
    victim,
    pendingApplicationId: pending.body.applicationId,
    payments: {
      read: read!,
      patch: patch!,
      submit,
      return: ret!,
      cancel: cancel!,
      confirmations: confirmations!,
      verify: verify!,
      receipt: receipt!,
      execute,
      refuse,
    },
    paymentChallengeId,
    policyChallengeId: policy.body.challengeId,
    requests: { read: readReq.requestId, confirm: confirmReq.requestId, approve: approveReq.requestId, reject: rejectReq.requestId },
    address: uniqueClientAddress(),
    secrets: [...c.users.map((_u, i) => sessionOf(c, i)), ...more, ...h.env.OPERATOR_TOKENS, ...c.users.map((u) => u.password)],
  };
}

/** Which real object each path parameter names; anything else gets a random (seeded) uuid or token. */
export function targetsOf(h: Harness, w: FuzzWorld, rand: () => number): FuzzTargets {
  const p = w.payments;
  const byOp: Record<string, Record<string, string>> = {
    'GET /v1/payments/{id}': { id: p.read },
    'PATCH /v1/payments/{id}': { id: p.patch },
    'POST /v1/payments/{id}/submit': { id: p.submit },
    'POST /v1/payments/{id}/return': { id: p.return },
    'POST /v1/payments/{id}/cancel': { id: p.cancel },
    'POST /v1/payments/{id}/confirmations': { id: p.confirmations },
    'POST /v1/payments/{id}/confirmations/{challengeId}/verify': { id: p.verify, challengeId: w.paymentChallengeId },
    'POST /v1/payments/{id}/receipt': { id: p.receipt },
    'GET /v1/operator/payments/{id}': { id: p.execute },
    'POST /v1/operator/payments/{id}/execute': { id: p.execute },
    'POST /v1/operator/payments/{id}/refuse': { id: p.refuse },
    'POST /v1/partner/approval-policy/changes/{challengeId}/verify': { challengeId: w.policyChallengeId },
    'GET /v1/users/requests/{requestId}': { requestId: w.requests.read },
    'POST /v1/users/requests/{requestId}/confirm': { requestId: w.requests.confirm },
    'POST /v1/operator/sub-user-requests/{id}/approve': { id: w.requests.approve },
    'POST /v1/operator/sub-user-requests/{id}/reject': { id: w.requests.reject },
    'GET /v1/accounts/{iban}/statement': { iban: w.cabinet.partner.accounts[0]! },
  };
  const token = () => Array.from({ length: 43 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[Math.floor(rand() * 64)]).join('');
  const users = w.cabinet.users;
  let turn = 0;
  const throwawayLogin = email('fz-login');
  return {
    pathValue(op: Operation, name: string) {
      const known = byOp[op.key]?.[name];
      if (known) return known;
      if (op.path.startsWith('/v1/operator/applications/')) return w.pendingApplicationId;
      if (op.path.startsWith('/v1/operator/users/')) return w.victim.users[0]!.userId;
      if (op.path.startsWith('/v1/operator/accounts/')) return w.victim.accounts[0]!;
      return name === 'token' ? token() : uuidFrom(rand);
    },
    goodBody(op: Operation) {
      // Sign-in, code and recovery requests name a login of their own: failures never count against a real user.
      if (op.body?.properties?.login) return { ...(op.key === 'POST /v1/auth/login' ? { password: 'Fuzz-Password-2026!' } : {}), login: throwawayLogin };
      if (op.key === 'POST /v1/payments' || op.key === 'PATCH /v1/payments/{id}') return documentBody(w.cabinet);
      if (op.key === 'POST /v1/users') return newUser('fz-fuzz');
      if (op.key === 'POST /v1/operator/applications') return application();
      if (op.path.startsWith('/codec/') && op.method === 'POST' && op.path !== '/codec/session') {
        return { payloads: [{ metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data: Buffer.from('{}').toString('base64') }] };
      }
      return undefined;
    },
    authorised(op: Operation) {
      if (op.security === 'operator') return { as: 'operator', headers: h.operator };
      if (op.security !== 'session') return null;
      // `logout` ends its session and a wrong current password counts against its user: each has a user of its own.
      if (op.key === 'POST /v1/auth/logout') return { as: 'session (throwaway user)', headers: users[1]!.auth };
      if (op.key === 'POST /v1/auth/password') return { as: 'session (throwaway user)', headers: users[2]!.auth };
      return { as: 'session', headers: w.fuzzerSessions[turn++ % w.fuzzerSessions.length]! };
    },
    commonHeaders: fromAddress(w.address),
  };
}

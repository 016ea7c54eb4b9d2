/**
 * How a cabinet frontend uses the client generated from /docs/openapi.json. `npm test`
 * regenerates `generated/openapi.d.ts` (openapi-typescript) and type-checks this file, so a
 * change to the contract that breaks a caller breaks the build.
 */
import createClient from 'openapi-fetch';
import type { components, paths } from './generated/openapi';

type Payment = components['schemas']['Payment'];
type PaymentStatus = components['schemas']['PaymentStatus'];
type Problem = components['schemas']['Problem'];

export const cabinet = (baseUrl: string, sessionKey: string) => createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${sessionKey}` } });

export async function signIn(baseUrl: string, login: string, password: string): Promise<string> {
  const { data, error, response } = await createClient<paths>({ baseUrl }).POST('/v1/auth/login', { body: { login, password } });
  if (error) throw new Error(`${response.status} ${describe(error)}`);
  return data.sessionKey;
}

/** Every page of the partner's payments in one status: the one list envelope, `{ items, nextCursor }`. */
export async function allPayments(api: ReturnType<typeof cabinet>, status: PaymentStatus): Promise<Payment['id'][]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const { data, error } = await api.GET('/v1/payments', { params: { query: { status, cursor, limit: 100 } } });
    if (error) throw new Error(describe(error));
    ids.push(...data.items.map((p) => p.id));
    cursor = data.nextCursor ?? undefined;
  } while (cursor);
  return ids;
}

/** A draft, submitted, then confirmed with the SMS code: each answer typed by its schema. */
export async function payAndConfirm(api: ReturnType<typeof cabinet>, debitIban: string, smsCode: () => Promise<string>) {
  const created = await api.POST('/v1/payments', {
    params: { header: { 'Idempotency-Key': crypto.randomUUID() } },
    body: {
      debitIban,
      amount: '1500.50',
      beneficiary: { name: 'ТОО «Астана Логистик»', binIin: '180340021791', iban: 'KZ75125KZT2069100100', bic: 'KCJBKZKX', kbe: '17' },
      knp: '710',
      purpose: 'Оплата по договору поставки №15',
    },
  });
  if (created.error) throw new Error(describe(created.error));
  const id = created.data.id;
  const submitted = await api.POST('/v1/payments/{id}/submit', { params: { path: { id } } });
  if (submitted.error) throw new Error(describe(submitted.error));
  const requiredConfirmations: number = submitted.data.requiredConfirmations;
  const challenge = await api.POST('/v1/payments/{id}/confirmations', { params: { path: { id }, header: {} } });
  if (challenge.error) throw new Error(describe(challenge.error));
  const verified = await api.POST('/v1/payments/{id}/confirmations/{challengeId}/verify', {
    params: { path: { id, challengeId: challenge.data.challengeId } },
    body: { code: await smsCode() },
  });
  if (verified.error) {
    // A wrong code is a 400 problem that says how many attempts are left.
    const attemptsLeft = verified.error.attemptsLeft;
    throw new Error(`${describe(verified.error)} (attempts left: ${String(attemptsLeft)})`);
  }
  const status: PaymentStatus = verified.data.status;
  return { id, status, confirmations: verified.data.confirmations, requiredConfirmations };
}

/** The statement as CSV: a documented media type of the same operation. */
export async function statementCsv(api: ReturnType<typeof cabinet>, iban: string, from: string, to: string): Promise<string> {
  const { data, error } = await api.GET('/v1/accounts/{iban}/statement', {
    params: { path: { iban }, query: { from, to } },
    headers: { accept: 'text/csv' },
    parseAs: 'text',
  });
  if (error) throw new Error(describe(error));
  return data;
}

const describe = (problem: Problem): string => `${problem.status} ${problem.code ?? problem.title}: ${problem.detail ?? ''}`;

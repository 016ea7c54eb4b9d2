import type { DomainError, DomainErrorKind } from '@domain/domain-error';
import { isFieldRefusal, type Outcome } from '@domain/refusal';

/** RFC 9457 problem details, the body of every error response. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: { path: string; message: string; code?: string }[];
  [extension: string]: unknown;
}

/** A refusal's HTTP status, from its kind (libs/domain/src/domain-error.ts)… */
export const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  INVALID: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  UNPROCESSABLE: 422,
  TOO_MANY: 429,
};

/** …unless its code is heard otherwise: a failed sign-in opens no session, so it is a 401 whatever its reason (§1.17). */
export const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  'AUTH.INVALID_CREDENTIALS': 401,
  'AUTH.INVALID_CODE': 401,
  'SUB_USER_REQUEST.CODE_NOT_SENT': 503, // §1.8.2 code not sent: the request was cancelled, asking again may work
};

/**
 * A step refused because the database could not be reached in time (`details.retryable`):
 * nothing changed and asking again may work, so 503 rather than the kind's status.
 */
export const statusOf = (error: DomainError): number => (error.details?.retryable === true ? 503 : (STATUS_BY_CODE[error.code] ?? STATUS_BY_KIND[error.kind]));

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export const problemType = (code: string): string => `urn:bank-flows:problem:${code.toLowerCase()}`;

export function problem(status: number, detail: string, extra: Partial<Problem> = {}): Problem {
  return { type: extra.code ? problemType(extra.code) : 'about:blank', title: TITLES[status] ?? 'Error', status, detail, ...extra };
}

const RESERVED = new Set(['type', 'title', 'status', 'detail', 'code', 'errors']);

/**
 * The one mapping of a domain refusal to problem+json — local refusals, refusals a
 * workflow sent back (temporal-errors.ts) and the guard's permission refusals alike.
 * Details become extension members (one named like a reserved member, e.g. `status`,
 * is renamed: `state`, else `detail_<name>`); a refusal about input fields lists them
 * under `errors`, as a malformed request does (e.g. a wrong code: `attemptsLeft`, `errors`).
 */
export function problemFromDomain(error: DomainError): Problem {
  const extensions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error.details ?? {})) {
    extensions[RESERVED.has(key) ? (key === 'status' ? 'state' : `detail_${key}`) : key] = value;
  }
  const errors = isFieldRefusal(error)
    ? { errors: error.fields.map((f) => (f.code === undefined ? { path: f.path, message: f.message } : { path: f.path, message: f.message, code: f.code })) }
    : {};
  return { ...problem(statusOf(error), error.message, { code: error.code }), ...extensions, ...errors };
}

/** Thrown to answer with a domain refusal; ProblemFilter maps it with `problemFromDomain`. */
export class DomainProblem extends Error {
  constructor(readonly error: DomainError) {
    super(error.message);
    this.name = 'DomainProblem';
  }
}

/** A controller's end of a use case: the value to answer with, or its refusal thrown for ProblemFilter. */
export function answer<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new DomainProblem(outcome.error);
  return outcome.value;
}

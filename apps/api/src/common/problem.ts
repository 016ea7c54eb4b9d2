import type { DomainError, DomainErrorKind } from '../../../../libs/domain/src/domain-error';

/** RFC 9457 problem details, the body of every error response. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: { path: string; message: string }[];
  [extension: string]: unknown;
}

export const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  INVALID: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  UNPROCESSABLE: 422,
  TOO_MANY: 429,
};

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

/** Domain details become extension members; a detail named like a reserved member (e.g. `status`) is renamed `state`. */
export function problemFromDomain(error: DomainError): Problem {
  const extensions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error.details ?? {})) {
    extensions[RESERVED.has(key) ? (key === 'status' ? 'state' : `detail_${key}`) : key] = value;
  }
  return { ...problem(STATUS_BY_KIND[error.kind], error.message, { code: error.code }), ...extensions };
}

/** Thrown by services to answer with a domain refusal. */
export class DomainProblem extends Error {
  constructor(readonly error: DomainError) {
    super(error.message);
    this.name = 'DomainProblem';
  }
}

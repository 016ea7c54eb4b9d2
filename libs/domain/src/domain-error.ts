/**
 * How a refusal should be heard by a caller. The API maps kinds to HTTP statuses
 * (INVALID 400, FORBIDDEN 403, NOT_FOUND 404, CONFLICT 409, UNPROCESSABLE 422,
 * TOO_MANY 429, GONE 410); workflows carry the code across Temporal as an
 * ApplicationFailure type.
 */
export type DomainErrorKind = 'INVALID' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'UNPROCESSABLE' | 'TOO_MANY' | 'GONE';

export interface DomainError {
  /** Stable, documented code such as `PAYMENT.ALREADY_CONFIRMED_BY_USER`. */
  readonly code: string;
  readonly kind: DomainErrorKind;
  readonly message: string;
  /** Non-secret facts a client may act on (attemptsLeft, retryAfterMs, state). */
  readonly details?: Readonly<Record<string, string | number | boolean | null>>;
}

export const domainError = (code: string, kind: DomainErrorKind, message: string, details?: DomainError['details']): DomainError =>
  details ? { code, kind, message, details } : { code, kind, message };

export const isDomainError = (value: unknown): value is DomainError =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as DomainError).code === 'string' &&
  typeof (value as DomainError).kind === 'string' &&
  typeof (value as DomainError).message === 'string';

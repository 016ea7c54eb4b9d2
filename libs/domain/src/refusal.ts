import { domainError, type DomainError } from './domain-error';

/**
 * What a use case answers: its value, or the domain's refusal. Refusals are
 * returned, not thrown, so a caller sees every way a step can say no in its type;
 * the API turns a refusal into problem+json in one place (apps/api/src/common/problem.ts).
 */
export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DomainError };

export const success = <T>(value: T): Outcome<T> => ({ ok: true, value });
export const refused = <T = never>(error: DomainError): Outcome<T> => ({ ok: false, error });

/** One input field a refusal is about, as a client shows it next to that field. */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
  /** The rule the field broke, when there are several (e.g. PASSWORD.TOO_SHORT). */
  readonly code?: string;
}

/** A refusal about input fields: the API lists them under `errors`, as it does for malformed input. */
export interface FieldRefusal extends DomainError {
  readonly fields: readonly FieldIssue[];
}

export const fieldRefusal = (error: DomainError, fields: readonly FieldIssue[]): FieldRefusal => ({ ...error, fields });

export const isFieldRefusal = (error: DomainError): error is FieldRefusal => Array.isArray((error as Partial<FieldRefusal>).fields);

/** How one flow words a wrong code; the clients match on the code, never on these. */
export interface WrongCodeWording {
  /** A wrong try that left attempts. */
  readonly wrong: string;
  /** The try that used the last attempt (the code is blocked, or the flow ended). */
  readonly locked: string;
  /** Said next to the code field; the detail when absent. */
  readonly field?: string;
}

/** A wrong code after the flow counted it: the attempts left, whether it was the last, and the flow's state then. */
export interface WrongCodeTry {
  readonly attemptsLeft: number;
  readonly locked: boolean;
  /** Flows with a client-visible state (registration, recovery, sub-user request) tell it. */
  readonly state?: string;
}

/**
 * A one-time code was wrong (§1.11: a limited number of attempts, the last one
 * blocks the code or ends the flow). Every flow refuses with this one shape —
 * `<FLOW>.WRONG_CODE`, INVALID, `attemptsLeft` (and `state` where the flow has
 * one) — and names the `code` field; `extra` carries a flow's own facts.
 */
export function wrongCodeRefusal(flow: string, tried: WrongCodeTry, wording: WrongCodeWording, extra: DomainError['details'] = {}): FieldRefusal {
  const detail = tried.locked ? wording.locked : wording.wrong;
  const details = { attemptsLeft: tried.attemptsLeft, ...(tried.state === undefined ? {} : { state: tried.state }), ...extra };
  return fieldRefusal(domainError(`${flow}.WRONG_CODE`, 'INVALID', detail, details), [{ path: 'code', message: wording.field ?? detail }]);
}

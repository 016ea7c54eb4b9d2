import { domainError, type DomainError } from '../domain-error';

export const SUB_USER_REQUEST_FLOW = 'SUB_USER_REQUEST';

/** Stable codes; access refusals come from permissions.ts as ACCESS.* codes. */
export const SubUserRequestErrorCode = {
  NOT_FOUND: 'SUB_USER_REQUEST.NOT_FOUND',
  NOT_CREATOR: 'SUB_USER_REQUEST.NOT_CREATOR',
  REASON_REQUIRED: 'SUB_USER_REQUEST.REASON_REQUIRED',
  /** A reason that is not clean text (a NUL, a control or bidi character, too long). */
  REASON_INVALID: 'SUB_USER_REQUEST.REASON_INVALID',
  TRANSITION_NOT_ALLOWED: 'SUB_USER_REQUEST.TRANSITION_NOT_ALLOWED',
  INVALID_EVENT: 'SUB_USER_REQUEST.INVALID_EVENT',
  NO_CODE: 'SUB_USER_REQUEST.NO_CODE',
  NOT_DUE: 'SUB_USER_REQUEST.NOT_DUE',
} as const;

/** Another partner's request: as if it did not exist. */
export const requestNotFound = (): DomainError => domainError(SubUserRequestErrorCode.NOT_FOUND, 'NOT_FOUND', 'No such user request.');

/** §1.8.2: the code goes to the creator's phone, so only the creator confirms. */
export const notCreator = (): DomainError => domainError(SubUserRequestErrorCode.NOT_CREATOR, 'FORBIDDEN', 'Only the user who created the request can confirm it.');

export const reasonRequired = (): DomainError => domainError(SubUserRequestErrorCode.REASON_REQUIRED, 'INVALID', 'A reason is required.', { field: 'reason' });

export const reasonInvalid = (max: number): DomainError =>
  domainError(SubUserRequestErrorCode.REASON_INVALID, 'INVALID', `The reason must be printable text on one line, at most ${max} characters.`, {
    field: 'reason',
  });

/** §1.8.2: the request's one code has this number; any other was never sent for it. */
export const noCode = (): DomainError => domainError(SubUserRequestErrorCode.NO_CODE, 'CONFLICT', 'No such confirmation code for this request.');

/** A deadline is expired only once it has passed (the flow's timers ask no earlier). */
export const notDue = (deadline: number): DomainError =>
  domainError(SubUserRequestErrorCode.NOT_DUE, 'CONFLICT', 'The request cannot expire before its deadline.', { deadline: new Date(deadline).toISOString() });

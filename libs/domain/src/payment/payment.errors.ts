import { domainError, type DomainError } from '../domain-error';

export const PAYMENT_FLOW = 'PAYMENT';

/** Stable codes; access refusals come from permissions.ts as ACCESS.* codes. */
export const PaymentErrorCode = {
  NOT_FOUND: 'PAYMENT.NOT_FOUND',
  INVALID_AMOUNT: 'PAYMENT.INVALID_AMOUNT',
  INVALID_APPROVAL_POLICY: 'PAYMENT.INVALID_APPROVAL_POLICY',
  STALE_VERSION: 'PAYMENT.STALE_VERSION',
  ALREADY_CONFIRMED_BY_USER: 'PAYMENT.ALREADY_CONFIRMED_BY_USER',
  AUTHOR_MAY_NOT_CONFIRM: 'PAYMENT.AUTHOR_MAY_NOT_CONFIRM',
  REASON_REQUIRED: 'PAYMENT.REASON_REQUIRED',
  /** A reason that is not clean text (a NUL, a control or bidi character, too long). */
  REASON_INVALID: 'PAYMENT.REASON_INVALID',
  /** A step the workflow decided but could not write, and so did not take. */
  STEP_NOT_RECORDED: 'PAYMENT.STEP_NOT_RECORDED',
  NO_CONFIRMATION_BY_USER: 'PAYMENT.NO_CONFIRMATION_BY_USER',
  TRANSITION_NOT_ALLOWED: 'PAYMENT.TRANSITION_NOT_ALLOWED',
  INVALID_EVENT: 'PAYMENT.INVALID_EVENT',
  /** An edit of a version the editor no longer has: someone changed the document meanwhile. */
  CHANGED_MEANWHILE: 'PAYMENT.CHANGED_MEANWHILE',
  /** An expiry asked for before the document's deadline (or of a draft that has none yet). */
  EXPIRY_NOT_DUE: 'PAYMENT.EXPIRY_NOT_DUE',
} as const;

/** Another partner's document: as if it did not exist. */
export const paymentNotFound = (): DomainError => domainError(PaymentErrorCode.NOT_FOUND, 'NOT_FOUND', 'No such payment document.');

export const invalidAmount = (): DomainError =>
  domainError(PaymentErrorCode.INVALID_AMOUNT, 'INVALID', 'The amount must be a positive whole number of tiyn, within the payment limit.', { field: 'amount' });

export const invalidApprovalPolicy = (problems: readonly string[]): DomainError =>
  domainError(PaymentErrorCode.INVALID_APPROVAL_POLICY, 'UNPROCESSABLE', "The partner's approval policy is not valid; fix it before submitting.", {
    problems: problems.join(' '),
  });

/** The document changed (edited or returned) after this confirmation's code was issued. */
export const staleVersion = (currentVersion: number): DomainError =>
  domainError(PaymentErrorCode.STALE_VERSION, 'CONFLICT', 'The document has changed since; confirm the current version.', { currentVersion });

export const alreadyConfirmedByUser = (): DomainError =>
  domainError(PaymentErrorCode.ALREADY_CONFIRMED_BY_USER, 'CONFLICT', 'You have already confirmed this document.');

export const authorMayNotConfirm = (): DomainError =>
  domainError(PaymentErrorCode.AUTHOR_MAY_NOT_CONFIRM, 'FORBIDDEN', "The approval policy does not let a document's author confirm it.");

export const reasonRequired = (): DomainError => domainError(PaymentErrorCode.REASON_REQUIRED, 'INVALID', 'A reason is required.', { field: 'reason' });

export const noConfirmationByUser = (): DomainError =>
  domainError(PaymentErrorCode.NO_CONFIRMATION_BY_USER, 'CONFLICT', 'This user has no confirmation on the document.');

export const reasonInvalid = (): DomainError =>
  domainError(PaymentErrorCode.REASON_INVALID, 'INVALID', 'The reason must be printable text on one line, at most 500 characters.', {
    field: 'reason',
  });

/**
 * A step was refused because its write failed: the document stays as it was. `retryable`
 * says whether asking again may work (the database was unreachable) or not (it refused the data).
 */
export const stepNotRecorded = (step: string, retryable: boolean): DomainError =>
  domainError(
    PaymentErrorCode.STEP_NOT_RECORDED,
    'UNPROCESSABLE',
    retryable ? 'The step could not be recorded now; the document is unchanged. Try again shortly.' : 'The step could not be recorded; the document is unchanged.',
    { step, retryable },
  );

/**
 * §1.2.1: only a document whose confirmers' time ran out expires. The flow's timer may fire
 * while a resubmission moves the deadline, and a draft never submitted has no deadline at all.
 */
export const expiryNotDue = (expiresAt: number | null): DomainError =>
  domainError(
    PaymentErrorCode.EXPIRY_NOT_DUE,
    'CONFLICT',
    expiresAt === null ? 'The document has no confirmation deadline yet.' : 'The confirmation deadline has not passed.',
    { expiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString() },
  );

/** The editor read version `baseVersion`; another edit or a return made a newer one (no lost update). */
export const changedMeanwhile = (currentVersion: number): DomainError =>
  domainError(PaymentErrorCode.CHANGED_MEANWHILE, 'CONFLICT', 'The document changed meanwhile; reload it and try again.', { currentVersion });

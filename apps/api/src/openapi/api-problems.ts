import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request: `errors` lists each invalid field, or a domain code says what was wrong (e.g. a wrong code with `attemptsLeft`).',
  401: 'No valid session key or operator token.',
  403: "The caller's access level does not allow this (§1.2).",
  404: 'No such resource for this caller.',
  406: 'None of the offered media types is acceptable.',
  409: 'The resource is not in a state that allows this; `code` says which.',
  410: 'The code or link has expired; request a new one.',
  413: 'The request body is too large.',
  415: 'The body is not JSON (or not UTF-8, or has an unsupported Content-Encoding).',
  422: 'Understood but refused by a business rule, or an `Idempotency-Key` reused with another body.',
  429: 'Too many attempts or codes; `Retry-After` says when to try again.',
  503: 'A dependency is unavailable; retry shortly.',
};

const urn = (code: string) => `urn:bank-flows:problem:${code.toLowerCase()}`;

/** What Swagger UI shows for each error status: answers the service really gives. */
const EXAMPLES: Record<number, Record<string, unknown>> = {
  400: {
    type: urn('REQUEST.INVALID'),
    title: 'Bad Request',
    status: 400,
    detail: '1 invalid field',
    code: 'REQUEST.INVALID',
    errors: [{ path: 'amount', message: 'must be a decimal string with at most 2 decimals' }],
  },
  401: { type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'a valid session is required' },
  403: {
    type: urn('ACCESS.FORBIDDEN'),
    title: 'Forbidden',
    status: 403,
    detail: 'Access level CREATE_AND_VIEW does not allow PAYMENT_CONFIRM.',
    code: 'ACCESS.FORBIDDEN',
    permission: 'PAYMENT_CONFIRM',
  },
  404: { type: urn('PAYMENT.NOT_FOUND'), title: 'Not Found', status: 404, detail: 'No such payment.', code: 'PAYMENT.NOT_FOUND' },
  406: { type: 'about:blank', title: 'Not Acceptable', status: 406, detail: 'a statement is available as application/json, text/csv, application/pdf' },
  409: {
    type: urn('PAYMENT.TRANSITION_NOT_ALLOWED'),
    title: 'Conflict',
    status: 409,
    detail: 'Cannot cancel the payment in status EXECUTED.',
    code: 'PAYMENT.TRANSITION_NOT_ALLOWED',
    state: 'EXECUTED',
    action: 'cancel the payment',
  },
  410: {
    type: urn('REGISTRATION.CODE_EXPIRED'),
    title: 'Gone',
    status: 410,
    detail: 'The confirmation code has expired; request a new one.',
    code: 'REGISTRATION.CODE_EXPIRED',
  },
  413: { type: urn('REQUEST.TOO_LARGE'), title: 'Payload Too Large', status: 413, detail: 'request body too large', code: 'REQUEST.TOO_LARGE' },
  415: {
    type: urn('REQUEST.UNSUPPORTED_MEDIA_TYPE'),
    title: 'Unsupported Media Type',
    status: 415,
    detail: 'send the body as application/json',
    code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  },
  422: {
    type: urn('IDEMPOTENCY.KEY_REUSED'),
    title: 'Unprocessable Content',
    status: 422,
    detail: 'This Idempotency-Key was used with another request body.',
    code: 'IDEMPOTENCY.KEY_REUSED',
  },
  429: {
    type: urn('REGISTRATION.RESEND_COOLDOWN'),
    title: 'Too Many Requests',
    status: 429,
    detail: 'A new code can be requested in 42 seconds.',
    code: 'REGISTRATION.RESEND_COOLDOWN',
    retryAfterMs: 42000,
  },
  503: {
    type: urn('SERVICE.UNAVAILABLE'),
    title: 'Service Unavailable',
    status: 503,
    detail: 'a dependency is unavailable; retry shortly',
    code: 'SERVICE.UNAVAILABLE',
  },
};

/** The problem+json media type of an error answer, with an example for its status. */
export const problemContent = (status: number) => ({
  [PROBLEM_MEDIA_TYPE]: { schema: { $ref: '#/components/schemas/Problem' }, ...(EXAMPLES[status] ? { example: EXAMPLES[status] } : {}) },
});

/** Error answers of an operation, each an RFC 9457 problem (the `Problem` component). */
export const ApiProblems = (...statuses: number[]) =>
  applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: problemContent(status),
      }),
    ),
  );

export const problemDescription = (status: number): string => DESCRIPTIONS[status] ?? 'Error';

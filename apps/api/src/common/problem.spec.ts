import { domainError } from '@domain/domain-error';
import { fieldRefusal, refused, success, wrongCodeRefusal } from '@domain/refusal';
import { signInRefused } from '../auth/sign-in/sign-in';
import { LinkCodeSteps } from './link-code-steps';
import { answer, DomainProblem, problem, problemFromDomain } from './problem';

// The bodies the contract (test/contract, apps/api/src/openapi) was recorded with, member order included.
describe('one mapping of domain refusals to problem+json', () => {
  it('a registration wrong code: 400 with attemptsLeft, state and the code field', () => {
    const steps = new LinkCodeSteps(null as never, 'REGISTRATION');
    const body = problemFromDomain(steps.wrongCode({ status: 'LOCKED', attemptsLeft: 0 }));
    expect(JSON.stringify(body)).toBe(
      JSON.stringify(
        problem(400, 'wrong code; the registration is now locked', {
          code: 'REGISTRATION.WRONG_CODE',
          attemptsLeft: 0,
          state: 'LOCKED',
          errors: [{ path: 'code', message: 'wrong code' }],
        }),
      ),
    );
  });

  it('a sub-user request wrong code, as the flow words it', () => {
    const error = wrongCodeRefusal(
      'SUB_USER_REQUEST',
      { attemptsLeft: 4, locked: false, state: 'AWAITING_CONFIRMATION' },
      { wrong: 'wrong code', locked: 'wrong code; too many wrong codes, the request is cancelled', field: 'wrong code' },
    );
    expect(JSON.stringify(problemFromDomain(error))).toBe(
      JSON.stringify(
        problem(400, 'wrong code', {
          code: 'SUB_USER_REQUEST.WRONG_CODE',
          attemptsLeft: 4,
          state: 'AWAITING_CONFIRMATION',
          errors: [{ path: 'code', message: 'wrong code' }],
        }),
      ),
    );
  });

  it("a payment's wrong code: the shared refusal gives today's body", () => {
    const expected = {
      type: 'urn:bank-flows:problem:payment.wrong_code',
      title: 'Bad Request',
      status: 400,
      detail: 'Wrong code.',
      code: 'PAYMENT.WRONG_CODE',
      attemptsLeft: 3,
      field: 'code',
      errors: [{ path: 'code', message: 'Wrong code.' }],
    };
    const error = wrongCodeRefusal(
      'PAYMENT',
      { attemptsLeft: 3, locked: false },
      { wrong: 'Wrong code.', locked: 'Wrong code; this code is now blocked, request a new one.' },
      { field: 'code' },
    );
    expect(JSON.stringify(problemFromDomain(error))).toBe(JSON.stringify(expected));
  });

  it('a failed sign-in is a 401 by its code; a rate limit keeps retryAfterMs', () => {
    expect(problemFromDomain(signInRefused('PASSWORD'))).toEqual(problem(401, 'the login or password is wrong', { code: 'AUTH.INVALID_CREDENTIALS' }));
    expect(problemFromDomain(domainError('AUTH.SEND_LIMIT', 'TOO_MANY', 'later', { retryAfterMs: 5000 }))).toMatchObject({ status: 429, retryAfterMs: 5000 });
  });

  it('field refusals list each field with its rule; a retryable refusal is a 503; `status` is renamed `state`', () => {
    const policy = fieldRefusal(domainError('PASSWORD.POLICY', 'INVALID', 'the password does not meet 1 rule'), [
      { path: 'password', message: 'too short', code: 'PASSWORD.TOO_SHORT' },
    ]);
    expect(problemFromDomain(policy).errors).toEqual([{ path: 'password', message: 'too short', code: 'PASSWORD.TOO_SHORT' }]);
    expect(problemFromDomain(domainError('X.BUSY', 'CONFLICT', 'busy', { retryable: true }))).toMatchObject({
      status: 503,
      title: 'Service Unavailable',
      code: 'X.BUSY',
    });
    expect(problemFromDomain(domainError('X.NO', 'CONFLICT', 'no', { status: 'DONE' }))).toMatchObject({ status: 409, state: 'DONE' });
  });

  it('a controller answers with the value or throws the refusal for the filter', () => {
    expect(answer(success(7))).toBe(7);
    expect(() => answer(refused(signInRefused('CODE')))).toThrow(DomainProblem);
  });
});

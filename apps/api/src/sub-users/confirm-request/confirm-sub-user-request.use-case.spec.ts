import { success } from '@domain/refusal';
import type { OneTimeCodes } from '@infra/codes/one-time-codes';
import type { CabinetActor } from '../../auth/cabinet-actor';
import type { AuditFact, AuditLog } from '../../common/audit-log.service';
import { problem, problemFromDomain } from '../../common/problem';
import type { SubUserRequestRepository, SubUserRequestRow } from '../sub-user-request.repository';
import { ConfirmSubUserRequestUseCase } from './confirm-sub-user-request.use-case';

const actor = { userId: 'u1', partnerId: 'p1', accessLevel: 'FULL_ACCESS', status: 'ACTIVE' } as CabinetActor;
const row = { id: 'r1', partnerId: 'p1', workflowId: 'sub-user-request-r1', status: 'AWAITING_CONFIRMATION' } as SubUserRequestRow;
const caller = { address: '10.0.0.1', requestId: 'req-1' };

function useCase(verdict: { codeNo: number; correct: boolean } | null, answer: { status: string; attemptsLeft: number }) {
  const facts: AuditFact[] = [];
  const requests = { find: async () => success(row), update: async () => success(answer) } as unknown as SubUserRequestRepository;
  const codes = { check: async () => verdict } as unknown as OneTimeCodes;
  const audit = { alone: async (fact: AuditFact) => void facts.push(fact) } as unknown as AuditLog;
  return { run: () => new ConfirmSubUserRequestUseCase(requests, codes, audit).execute(actor, 'r1', '123456', caller), facts };
}

describe('confirming a sub-user request (§1.8.2)', () => {
  it('a right code answers with the next status and records nothing here (the workflow does)', async () => {
    const { run, facts } = useCase({ codeNo: 1, correct: true }, { status: 'BANK_PROCESSING', attemptsLeft: 5 });
    expect(await run()).toEqual(success({ status: 'BANK_PROCESSING' }));
    expect(facts).toEqual([]);
  });

  it("a wrong code is today's 400 body with attemptsLeft and state, and one FAILURE record", async () => {
    const { run, facts } = useCase({ codeNo: 1, correct: false }, { status: 'AWAITING_CONFIRMATION', attemptsLeft: 2 });
    const outcome = await run();
    expect(outcome.ok).toBe(false);
    expect(JSON.stringify(problemFromDomain(!outcome.ok ? outcome.error : (undefined as never)))).toBe(
      JSON.stringify(
        problem(400, 'wrong code', {
          code: 'SUB_USER_REQUEST.WRONG_CODE',
          attemptsLeft: 2,
          state: 'AWAITING_CONFIRMATION',
          errors: [{ path: 'code', message: 'wrong code' }],
        }),
      ),
    );
    expect(facts).toEqual([
      expect.objectContaining({
        action: 'sub_user_request.confirm',
        outcome: 'FAILURE',
        target: { type: 'SUB_USER_REQUEST', id: 'r1' },
        details: { code: 'SUB_USER_REQUEST.WRONG_CODE', attemptsLeft: 2, status: 'AWAITING_CONFIRMATION' },
      }),
    ]);
  });

  it('the last wrong code says the request is cancelled (§1.11)', async () => {
    const { run } = useCase({ codeNo: 1, correct: false }, { status: 'CANCELLED', attemptsLeft: 0 });
    const outcome = await run();
    expect(!outcome.ok && problemFromDomain(outcome.error)).toMatchObject({
      status: 400,
      detail: 'wrong code; too many wrong codes, the request is cancelled',
      attemptsLeft: 0,
      state: 'CANCELLED',
      errors: [{ path: 'code', message: 'wrong code' }],
    });
  });

  it('no code sent: a 409 with the request state', async () => {
    const { run, facts } = useCase(null, { status: 'AWAITING_CONFIRMATION', attemptsLeft: 5 });
    const outcome = await run();
    expect(!outcome.ok && problemFromDomain(outcome.error)).toEqual(
      problem(409, 'No confirmation code was sent for this request.', { code: 'SUB_USER_REQUEST.NO_CODE', state: 'AWAITING_CONFIRMATION' }),
    );
    expect(facts).toEqual([]);
  });
});

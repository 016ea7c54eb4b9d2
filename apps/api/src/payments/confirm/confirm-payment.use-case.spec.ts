import { domainError } from '@domain/domain-error';
import { refused, success } from '@domain/refusal';
import type { OneTimeCodes } from '@infra/codes/one-time-codes';
import type { CodeCheckResult } from '@workflows/payment/payment.messages';
import type { CabinetActor } from '../../auth/cabinet-actor';
import type { AuditFact, AuditLog } from '../../common/audit-log.service';
import { problemFromDomain } from '../../common/problem';
import type { PaymentRepository, PaymentRow } from '../payment.repository';
import type { PaymentWorkflowService } from '../payment-workflow.service';
import { ConfirmPaymentUseCase } from './confirm-payment.use-case';

const actor = { userId: 'u1', partnerId: 'p1', accessLevel: 'FULL_ACCESS', status: 'ACTIVE' } as CabinetActor;
const row = { id: 'pay1', partnerId: 'p1', status: 'AWAITING_CONFIRMATION' } as PaymentRow;
const caller = { address: '10.0.0.1', requestId: 'req-1' };

function useCase(verdict: { correct: boolean } | null, answer: ReturnType<typeof success<CodeCheckResult>> | ReturnType<typeof refused>) {
  const facts: AuditFact[] = [];
  const sent: unknown[] = [];
  const payments = { find: async () => success(row) } as unknown as PaymentRepository;
  const workflows = { send: async (_row: PaymentRow, _update: unknown, ...args: unknown[]) => (sent.push(...args), answer) } as unknown as PaymentWorkflowService;
  const codes = { check: async () => verdict } as unknown as OneTimeCodes;
  const audit = { alone: async (fact: AuditFact) => void facts.push(fact) } as unknown as AuditLog;
  return { run: () => new ConfirmPaymentUseCase(payments, workflows, codes, audit).execute(actor, 'pay1', 'ch1', '123456', caller), facts, sent };
}

describe('confirming a payment with its code (§1.2.1, §1.13)', () => {
  it("a right code answers with the confirmations; who confirmed, from where, is recorded by the workflow's write, not here", async () => {
    const { run, facts, sent } = useCase(
      { correct: true },
      success<CodeCheckResult>({ outcome: 'CONFIRMED', status: 'PARTIALLY_CONFIRMED', confirmations: 1, requiredConfirmations: 2 }),
    );
    expect(await run()).toEqual(success({ status: 'PARTIALLY_CONFIRMED', confirmations: 1, requiredConfirmations: 2 }));
    expect(facts).toEqual([]);
    expect(sent).toEqual([
      {
        actor: { userId: 'u1', partnerId: 'p1', accessLevel: 'FULL_ACCESS', status: 'ACTIVE' },
        challengeId: 'ch1',
        correct: true,
        origin: { requestId: 'req-1', clientAddress: '10.0.0.1' },
      },
    ]);
  });

  it("a wrong code is today's 400 body (attemptsLeft, field, errors) and one FAILURE record", async () => {
    const { run, facts } = useCase({ correct: false }, success<CodeCheckResult>({ outcome: 'WRONG', attemptsLeft: 0, locked: true }));
    const outcome = await run();
    expect(JSON.stringify(!outcome.ok && problemFromDomain(outcome.error))).toBe(
      JSON.stringify({
        type: 'urn:bank-flows:problem:payment.wrong_code',
        title: 'Bad Request',
        status: 400,
        detail: 'Wrong code; this code is now blocked, request a new one.',
        code: 'PAYMENT.WRONG_CODE',
        attemptsLeft: 0,
        field: 'code',
        errors: [{ path: 'code', message: 'Wrong code; this code is now blocked, request a new one.' }],
      }),
    );
    expect(facts).toEqual([expect.objectContaining({ action: 'payment.confirm', outcome: 'FAILURE', details: { challengeId: 'ch1', attemptsLeft: 0 } })]);
  });

  it("an unknown challenge is a 404; the workflow's refusal is passed on as it is; neither is recorded here", async () => {
    const unknown = useCase(null, success<CodeCheckResult>({ outcome: 'WRONG', attemptsLeft: 1, locked: false }));
    expect(await unknown.run()).toMatchObject({ ok: false, error: { code: 'PAYMENT.CHALLENGE_NOT_FOUND' } });
    const expired = domainError('PAYMENT.CHALLENGE_EXPIRED', 'GONE', 'expired');
    const refusal = useCase({ correct: true }, refused(expired));
    expect(await refusal.run()).toEqual(refused(expired));
    expect([...unknown.facts, ...refusal.facts]).toEqual([]);
  });
});

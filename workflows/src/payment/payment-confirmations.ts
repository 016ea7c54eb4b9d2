import { patched, setHandler, uuid4 } from '@temporalio/workflow';
import type { Actor } from '@domain/access-level';
import { codeRequestRefusal, confirmationSummary, paymentStatus, type PaymentCommand } from '@domain/payment';
import { refusal } from '../shared/refusal';
import type { PaymentCommandAudit } from './payment.activities.contract';
import { userBlockedSignal } from '../shared/user-blocked';
import {
  checkConfirmationCodeUpdate,
  complianceDecisionUpdate,
  requestConfirmationUpdate,
  type CodeCheckResult,
  type CodeVerdict,
  type PaymentRequestOrigin,
} from './payment.messages';
import { audited, byUser, check, decideAndApply } from './payment-effects';
import type { PaymentRuntime } from './payment-runtime';

/** Histories from before it answer an operator's decision before it is recorded. */
const COMPLIANCE_DECISION_IS_A_STEP = 'compliance-decision-is-a-step';

/**
 * Confirmations (§1.2.1, §1.13, §1.14) and the operator's compliance decision (§2.4), decided by
 * the payment aggregate. Each is one step (rt.step: one at a time, put back if its write fails):
 * two users confirming at once, or one user's double click, are counted exactly once each.
 */
export function registerConfirmationCommands(rt: PaymentRuntime): void {
  const { state } = rt;
  const now = () => Date.now();

  /** Asked before a challenge id is drawn: a refused request must not use up the workflow's randomness. */
  const mayRequest = (actor: Actor) => {
    const refused = codeRequestRefusal(state.payment, actor, now());
    if (refused) throw refusal(refused);
  };
  setHandler(
    requestConfirmationUpdate,
    ({ actor, origin }) =>
      rt.step('REQUEST_CONFIRMATION', async () => {
        mayRequest(actor);
        const challengeId = uuid4();
        // The challenge is recorded (its timeline entry) before the code is sent: the request's record goes with it.
        const audit = audited(origin, byUser(actor), 'payment.confirmation.request', () => ({ challengeId }));
        const { effects } = await decideAndApply(rt, { type: 'REQUEST_CODE', actor, challengeId, at: now() }, { audit });
        const sent = effects.find((e) => e.type === 'SEND_CODE');
        return { challengeId, expiresAt: sent!.expiresAt };
      }),
    { validator: ({ actor }) => mayRequest(actor) },
  );

  const confirmedBy = ({ actor, challengeId, origin }: CodeVerdict) =>
    audited(origin, byUser(actor), 'payment.confirm', (p) => {
      const { confirmations, status } = confirmationSummary(p);
      return { challengeId, confirmations, status };
    });

  const checked = ({ actor, challengeId, correct }: CodeVerdict): PaymentCommand => ({ type: 'CHECK_CODE', actor, challengeId, correct, at: now() });
  setHandler(
    checkConfirmationCodeUpdate,
    (verdict): Promise<CodeCheckResult> =>
      rt.step(verdict.correct ? 'CONFIRM' : 'CODE_REJECTED', async (): Promise<CodeCheckResult> => {
        // A right code's confirmation is recorded with its write; a wrong one is the API's FAILURE record.
        const audit = verdict.correct ? confirmedBy(verdict) : undefined;
        const { state: after } = await decideAndApply(rt, checked(verdict), { audit });
        if (verdict.correct) return { outcome: 'CONFIRMED', ...confirmationSummary(after) };
        const code = after.codes.entries.find((c) => c.challengeId === verdict.challengeId)!;
        return { outcome: 'WRONG', attemptsLeft: code.state.context.attemptsLeft, locked: code.state.value === 'locked' };
      }),
    { validator: (verdict) => void check(state, checked(verdict)) },
  );

  // §1.14: the codes die at once (and the main loop looks again); the withdrawal is a step, taken
  // again after a pause until it is recorded.
  setHandler(userBlockedSignal, ({ userId }) => {
    state.set(check(state, { type: 'BLOCK_USER', userId }).state);
    state.wake();
    void (async () => {
      const withdraw = async () => void (await decideAndApply(rt, { type: 'WITHDRAW_CONFIRMATION', userId, at: now() }));
      while (!(await rt.systemStep('WITHDRAW_CONFIRMATION', withdraw)));
    })();
  });

  type Decision = { operatorId: string; decision: 'EXECUTE' | 'REFUSE'; reason?: string };
  // The command takes the decision only (not the request's origin).
  const decided = ({ operatorId, decision, reason }: Decision): PaymentCommand => ({
    type: 'DECIDE_HOLD',
    operatorId,
    decision,
    ...(reason === undefined ? {} : { reason }),
    at: now(),
  });
  /** The operator's decision, audited by the write of the step it leads to (§1.15, §2.4). */
  const decisionAudit = ({ operatorId, decision, reason, origin }: Decision & { origin?: PaymentRequestOrigin }) =>
    audited(
      origin,
      { actorType: 'OPERATOR', actorId: operatorId, partnerId: rt.input.partnerId },
      decision === 'EXECUTE' ? 'payment.compliance.release' : 'payment.compliance.refuse',
      (): PaymentCommandAudit['details'] => (decision === 'REFUSE' ? { reason: reason ?? null } : {}),
    );
  setHandler(
    complianceDecisionUpdate,
    async (d) => {
      // Before this patch the main loop recorded the decision after the Update had answered.
      if (!patched(COMPLIANCE_DECISION_IS_A_STEP)) {
        const { state: after } = check(state, decided(d));
        state.set(after);
        return { status: paymentStatus(after.document), hold: after.hold!.status };
      }
      // The decision and what follows from it (refused, or handed to core banking) are one step:
      // the operator hears whether it was recorded.
      return rt.step(`COMPLIANCE_${d.decision}`, async () => {
        const { state: after } = await decideAndApply(rt, [decided(d), { type: 'SETTLE', at: now() }], { audit: decisionAudit(d) });
        return { status: paymentStatus(after.document), hold: after.hold!.status };
      });
    },
    { validator: (d) => void check(state, decided(d)) },
  );
}

import { patched, setHandler, uuid4 } from '@temporalio/workflow';
import type { Actor } from '../../../libs/domain/src/access-level';
import { canDecidePayment, codeResendRefusal, decideComplianceHold, type PaymentEvent } from '../../../libs/domain/src/payment';
import { refusal } from '../shared/refusal';
import { userBlockedSignal } from '../shared/user-blocked';
import {
  checkConfirmationCodeUpdate,
  complianceDecisionUpdate,
  requestConfirmationUpdate,
  type CodeCheckResult,
  type CodeVerdict,
} from './payment.messages';
import { settleWithBank } from './payment.bank';
import type { PaymentRuntime } from './payment.runtime';
import { bySystem, byUser } from './payment.timeline';

/** Histories from before it answer an operator's decision before it is recorded. */
const COMPLIANCE_DECISION_IS_A_STEP = 'compliance-decision-is-a-step';

/**
 * Confirmations (§1.2.1, §1.13, §1.14) and the operator's compliance decision (§2.4).
 * Each is one step (rt.step: one at a time, put back if its write fails): two users confirming
 * at once, or one user's double click, are counted exactly once each — the machine refuses the duplicate.
 */
export function registerConfirmationCommands(rt: PaymentRuntime): void {
  const { state, input } = rt;
  const { paymentId, settings } = input;
  const now = () => Date.now();

  /** A code is sent only to someone who could confirm the current version now. */
  const mayConfirm = (actor: Actor) => {
    state.check({ type: 'CONFIRM', actor, version: state.document.context.version, at: now() });
    const cooldown = codeResendRefusal(state.challenges.lastIssuedAt(actor.userId, state.document.context.version), now(), settings.codeResendCooldownMs);
    if (cooldown) throw refusal(cooldown);
  };
  setHandler(
    requestConfirmationUpdate,
    ({ actor }) =>
      rt.step('REQUEST_CONFIRMATION', async () => {
        mayConfirm(actor);
        const challengeId = uuid4();
        const version = state.document.context.version;
        const challenge = state.challenges.issue({
          challengeId,
          userId: actor.userId,
          version,
          binding: state.binding(actor.userId),
          at: now(),
          ttlMs: settings.codeTtlMs,
          maxAttempts: settings.codeMaxAttempts,
        });
        state.changes++;
        rt.syncUsers();
        const expiresAt = new Date(challenge.context.expiresAt).toISOString();
        // Recorded first: no code goes out for a challenge that is then put back.
        await rt.persist(state.record([byUser(actor, 'CONFIRMATION_REQUESTED', { challengeId, version })]));
        await rt.queue(() => rt.urgent.sendConfirmationCode({ paymentId, challengeId, userId: actor.userId, version, expiresAt }));
        return { challengeId, expiresAt };
      }),
    { validator: ({ actor }) => mayConfirm(actor) },
  );

  /** The challenge's next state and, for a right code, the confirmation it makes — or the refusal. */
  const checked = (verdict: CodeVerdict) => {
    const entry = state.challenges.find(verdict.challengeId, verdict.actor.userId);
    const next = state.challenges.check(entry, {
      type: 'CODE_CHECKED',
      purpose: 'PAYMENT',
      // Dynamic linking (§1.13): the code must have been sent for what the document is now.
      binding: state.binding(verdict.actor.userId),
      correct: verdict.correct,
      at: now(),
    });
    const confirm: PaymentEvent = { type: 'CONFIRM', actor: verdict.actor, version: entry.version, at: now() };
    if (verdict.correct) state.check(confirm);
    return { entry, next, confirm };
  };
  setHandler(
    checkConfirmationCodeUpdate,
    (verdict): Promise<CodeCheckResult> =>
      rt.step(verdict.correct ? 'CONFIRM' : 'CODE_REJECTED', async (): Promise<CodeCheckResult> => {
        const { entry, next, confirm } = checked(verdict);
        entry.state = next;
        const { challengeId, actor } = verdict;
        if (!verdict.correct) {
          // The row keeps no attempts, so a wrong try counts even if its write fails: no free guesses.
          rt.keep(() => void (state.challenges.find(challengeId, actor.userId).state = next));
          state.changes++;
          const { attemptsLeft } = next.context;
          const locked = next.value === 'locked';
          await rt.persist(state.record([byUser(actor, 'CODE_REJECTED', { challengeId, attemptsLeft, locked })]));
          return { outcome: 'WRONG', attemptsLeft, locked };
        }
        state.apply(confirm);
        const summary = state.summary();
        const events = [byUser(actor, 'CONFIRMED', { challengeId, version: entry.version, confirmations: summary.confirmations })];
        if (summary.status === 'SENT_TO_BANK') events.push(bySystem('SENT_TO_BANK', { valueDate: state.projection().valueDate }));
        rt.syncUsers();
        await rt.persist(state.record(events, { confirmation: { userId: actor.userId, version: entry.version, challengeId } }));
        return { outcome: 'CONFIRMED', ...summary };
      }),
    { validator: (verdict) => void checked(verdict) },
  );

  // §1.14: a blocked user's codes die, and their confirmation no longer counts unless core banking has the
  // document. Withdrawn during a compliance hold, the document goes back to its confirmers and the hold goes.
  // The codes die at once; the withdrawal is a step, taken again after a pause until it is recorded
  // (the step cancels the codes again, in case a step that was put back meanwhile restored one).
  const withdrawn = async (userId: string) => {
    state.challenges.cancel((entry) => entry.userId === userId, 'USER_BLOCKED');
    const withdraw: PaymentEvent = { type: 'WITHDRAW_CONFIRMATION', userId, at: now() };
    if (!canDecidePayment(state.document, withdraw)) return;
    const held = state.hold;
    state.apply(withdraw);
    const events = [bySystem('CONFIRMATION_WITHDRAWN', { userId, reason: 'USER_BLOCKED' })];
    if (held !== null && state.hold === null) events.push(bySystem('HOLD_DISCARDED', { reason: 'CONFIRMATION_WITHDRAWN' }));
    await rt.persist(state.record(events, { voidConfirmations: { userId, reason: 'USER_BLOCKED' } }));
  };
  setHandler(userBlockedSignal, ({ userId }) => {
    state.challenges.cancel((entry) => entry.userId === userId, 'USER_BLOCKED');
    state.changes++;
    void (async () => {
      while (!(await rt.systemStep('WITHDRAW_CONFIRMATION', () => withdrawn(userId))));
    })();
  });

  const decided = (d: { operatorId: string; decision: 'EXECUTE' | 'REFUSE'; reason?: string }) => {
    const at = now();
    const event =
      d.decision === 'EXECUTE'
        ? ({ type: 'RELEASE', operatorId: d.operatorId, at } as const)
        : ({ type: 'REFUSE', operatorId: d.operatorId, reason: d.reason ?? '', at } as const);
    const decision = decideComplianceHold(state.hold, event);
    if (!decision.ok) throw refusal(decision.error);
    return decision.hold;
  };
  setHandler(
    complianceDecisionUpdate,
    async (d) => {
      // Before this patch the main loop recorded the decision after the Update had answered.
      if (!patched(COMPLIANCE_DECISION_IS_A_STEP)) {
        state.hold = decided(d);
        state.changes++;
        return { status: state.status, hold: state.hold.status };
      }
      // The decision and what follows from it (refused, or handed to core banking) are one step:
      // the operator hears whether it was recorded.
      return rt.step(`COMPLIANCE_${d.decision}`, async () => {
        const hold = decided(d);
        state.hold = hold;
        state.changes++;
        await settleWithBank(rt);
        return { status: state.status, hold: hold.status };
      });
    },
    { validator: (d) => void decided(d) },
  );
}

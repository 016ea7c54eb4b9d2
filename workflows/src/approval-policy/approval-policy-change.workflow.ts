import { allHandlersFinished, condition, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { Actor } from '@domain/access-level';
import { challengeStatus, decideChallenge, initialChallengeState, isChallengeFinal, type ChallengeEvent, type ChallengeStatus } from '@domain/challenge';
import { refusal } from '../shared/refusal';
import { showFinished, showWaiting } from '../shared/current-details';
import { FlowStatus, UserIds } from '../shared/search-attributes';
import { byUser, transitionTrail } from '../shared/transition-trail';
import { userBlockedSignal } from '../shared/user-blocked';
import type { ApprovalPolicyActivities } from './approval-policy-change.activities.contract';
import {
  approvalPolicyChangeStateQuery,
  checkPolicyCodeUpdate,
  type ApprovalPolicyChangeInput,
  type PolicyCodeCheckResult,
} from './approval-policy-change.messages';

const io = proxyActivities<ApprovalPolicyActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/**
 * A change of a partner's approval policy (§1.2.1), confirmed by the requesting full-access
 * user's SMS code (challenge purpose POLICY_CHANGE, bound to this change and this user).
 * The code expires by a timer here; blocking the user (§1.14) cancels the change.
 */
export async function approvalPolicyChangeWorkflow(input: ApprovalPolicyChangeInput): Promise<{ status: ChallengeStatus }> {
  const binding = { changeId: input.changeId, partnerId: input.partnerId, userId: input.userId };
  let challenge = initialChallengeState({
    purpose: 'POLICY_CHANGE',
    binding,
    issuedAt: Date.now(),
    ttlMs: input.codeTtlMs,
    maxAttempts: input.codeMaxAttempts,
  });
  const { expiresAt } = challenge.context;
  let appliedVersion: number | null = null;
  // The requester asked for the change in a cabinet session; every later step but the timer and a block is theirs.
  const trail = transitionTrail({ workflowId: workflowInfo().workflowId, flow: 'approval-policy-change', partnerId: input.partnerId });
  trail.note(challengeStatus(challenge), 'START', byUser(input.userId));

  const decide = (event: ChallengeEvent) => {
    const decision = decideChallenge(challenge, event);
    if (!decision.ok) throw refusal(decision.error);
    return decision.state;
  };
  // Another user (even of the same partner) presents other facts and is refused: the change is its requester's.
  const checked = (actor: Actor, correct: boolean): ChallengeEvent => ({
    type: 'CODE_CHECKED',
    purpose: 'POLICY_CHANGE',
    binding: { changeId: input.changeId, partnerId: actor.partnerId, userId: actor.userId },
    correct,
    at: Date.now(),
  });

  setHandler(approvalPolicyChangeStateQuery, () => ({
    partnerId: input.partnerId,
    userId: input.userId,
    status: challengeStatus(challenge),
    expiresAt: new Date(expiresAt).toISOString(),
    attemptsLeft: challenge.context.attemptsLeft,
    appliedVersion,
  }));
  setHandler(
    checkPolicyCodeUpdate,
    async ({ actor, correct }): Promise<PolicyCodeCheckResult> => {
      challenge = decide(checked(actor, correct));
      trail.note(challengeStatus(challenge), 'CODE_CHECKED', byUser(actor.userId));
      if (challenge.value !== 'verified') {
        return { outcome: 'WRONG', attemptsLeft: challenge.context.attemptsLeft, locked: challenge.value === 'locked' };
      }
      const applied = await io.applyApprovalPolicy({
        changeId: input.changeId,
        partnerId: input.partnerId,
        userId: input.userId,
        policy: input.policy,
      });
      appliedVersion = applied.version;
      return { outcome: 'APPLIED', version: applied.version };
    },
    { validator: ({ actor, correct }) => void decide(checked(actor, correct)) },
  );
  setHandler(userBlockedSignal, ({ userId }) => {
    if (userId !== input.userId || isChallengeFinal(challenge)) return;
    challenge = decide({ type: 'CANCEL', reason: 'USER_BLOCKED' });
    trail.note(challengeStatus(challenge), 'CANCEL');
  });
  upsertSearchAttributes([
    { key: UserIds, value: [input.userId] },
    { key: FlowStatus, value: challengeStatus(challenge) },
  ]);

  await io.sendPolicyChangeCode({
    changeId: input.changeId,
    userId: input.userId,
    policy: input.policy,
    expiresAt: new Date(expiresAt).toISOString(),
  });
  await trail.flush();
  showWaiting('the requester to enter the SMS code that applies the new approval policy', expiresAt);
  const ended = await condition(() => isChallengeFinal(challenge), Math.max(1, expiresAt - Date.now()));
  if (!ended) {
    challenge = decide({ type: 'EXPIRED', at: Math.max(Date.now(), expiresAt) });
    trail.note(challengeStatus(challenge), 'EXPIRED');
  }

  upsertSearchAttributes([{ key: FlowStatus, value: challengeStatus(challenge) }]);
  showFinished(challengeStatus(challenge));
  await condition(allHandlersFinished);
  await trail.flush();
  return { status: challengeStatus(challenge) };
}

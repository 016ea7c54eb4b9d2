import { allHandlersFinished, condition, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { challengeStatus, decideChallenge, initialChallengeState, isChallengeFinal, type ChallengeEvent, type ChallengeStatus } from '@domain/challenge';
import { refusal } from '../shared/refusal';
import { showFinished, showWaiting } from '../shared/current-details';
import { FlowStatus, UserIds } from '../shared/search-attributes';
import { byUser, transitionTrail, type TransitionActor } from '../shared/transition-trail';
import { userBlockedSignal } from '../shared/user-blocked';
import type { LoginChallengeActivities } from './login-challenge.activities.contract';
import { checkLoginCodeUpdate, loginChallengeStateQuery, type LoginChallengeInput } from './login-challenge.messages';

/**
 * Sign-in by SMS code (§1.4, §1.16, §2.9): one code, valid until a timer here
 * says otherwise, with a few tries; the challenge machine (purpose LOGIN, bound
 * to the user) decides every step. The API checks the code and opens the
 * session; this workflow only learns right or wrong. Blocking the user (§1.14)
 * cancels it.
 */
export async function loginChallengeWorkflow(input: LoginChallengeInput): Promise<{ status: ChallengeStatus }> {
  const { workflowId } = workflowInfo();
  const binding = { userId: input.userId };
  let state = initialChallengeState({ purpose: 'LOGIN', binding, issuedAt: input.issuedAt, ttlMs: input.ttlMs, maxAttempts: input.maxAttempts });
  const expiresAt = state.context.expiresAt;
  let changes = 0;
  // The code was asked for by login alone, so nobody is known to have started the challenge.
  const trail = transitionTrail({ workflowId, flow: 'login-challenge', partnerId: input.partnerId });
  trail.note(challengeStatus(state), 'START');

  const decide = (event: ChallengeEvent) => {
    const decision = decideChallenge(state, event);
    if (!decision.ok) throw refusal(decision.error);
    return decision.state;
  };
  const apply = (event: ChallengeEvent, actor?: TransitionActor) => {
    state = decide(event);
    changes++;
    trail.note(challengeStatus(state), event.type, actor);
  };
  const checked = (check: { userId: string; correct: boolean }): ChallengeEvent => ({
    type: 'CODE_CHECKED',
    purpose: 'LOGIN',
    binding: { userId: check.userId },
    correct: check.correct,
    at: Date.now(),
  });

  setHandler(loginChallengeStateQuery, () => ({
    status: challengeStatus(state),
    userId: input.userId,
    expiresAt: new Date(expiresAt).toISOString(),
    attemptsLeft: state.context.attemptsLeft,
  }));
  setHandler(
    checkLoginCodeUpdate,
    (check) => {
      // Only the bound user's check passes the validator.
      apply(checked(check), byUser(input.userId));
      return { status: challengeStatus(state), attemptsLeft: state.context.attemptsLeft };
    },
    { validator: (check) => void decide(checked(check)) },
  );
  setHandler(userBlockedSignal, ({ userId }) => {
    if (userId === input.userId && !isChallengeFinal(state)) apply({ type: 'CANCEL', reason: 'BLOCKED' });
  });
  upsertSearchAttributes([
    { key: UserIds, value: [input.userId] },
    { key: FlowStatus, value: challengeStatus(state) },
  ]);
  showWaiting('the user to enter the SMS code in the sign-in form', expiresAt);

  // A code that can't be delivered before it expires is worth nothing: give up then.
  const io = proxyActivities<LoginChallengeActivities>({
    startToCloseTimeout: '15 seconds',
    scheduleToCloseTimeout: Math.max(1_000, expiresAt - Date.now()),
    retry: { initialInterval: '500 milliseconds', maximumInterval: '5 seconds' },
  });
  try {
    await io.sendLoginCode({ workflowId, userId: input.userId, expiresAt: new Date(expiresAt).toISOString() });
  } catch {
    // Not delivered in time: the challenge simply expires below; the user asks again.
  }
  // After the send: the user waits for the code, not for the audit trail.
  await trail.flush();

  while (!isChallengeFinal(state)) {
    const seen = changes;
    const changed = await condition(() => changes !== seen, Math.max(1, expiresAt - Date.now()));
    if (!changed && Date.now() >= expiresAt && !isChallengeFinal(state)) apply({ type: 'EXPIRED', at: Date.now() });
  }

  const final = challengeStatus(state);
  upsertSearchAttributes([{ key: FlowStatus, value: final }]);
  showFinished(final);
  await condition(allHandlersFinished);
  await trail.flush();
  return { status: final };
}

import { condition, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { showFinished, showWaiting } from '../shared/current-details';
import { FlowStatus, UserIds } from '../shared/search-attributes';
import { transitionTrail } from '../shared/transition-trail';
import { userBlockedSignal } from '../shared/user-blocked';
import type { LoginLockActivities } from './login-lock.activities.contract';
import type { LoginLockInput } from './login-lock.messages';

const io = proxyActivities<LoginLockActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * A login locked after too many failures (§1.16): tells the user at once, and when
 * the lock's timer runs out makes the user ACTIVE again. The login path also
 * checks the lock itself, so a late or lost timer never keeps anyone locked out
 * longer. If the bank blocks the user meanwhile (§1.14) there is nothing to end.
 */
export async function loginLockWorkflow(input: LoginLockInput): Promise<{ outcome: 'UNLOCKED' | 'BLOCKED' }> {
  const { workflowId } = workflowInfo();
  let blocked = false;
  // The failed attempts were audited as they came; the lock and its end are the flow's own.
  const trail = transitionTrail({ workflowId, flow: 'login-lock', partnerId: input.partnerId });
  trail.note('LOCKED', 'START');
  setHandler(userBlockedSignal, ({ userId }) => {
    if (userId === input.userId) blocked = true;
  });
  upsertSearchAttributes([
    { key: UserIds, value: [input.userId] },
    { key: FlowStatus, value: 'LOCKED' },
  ]);

  showWaiting('the lock to end (the user becomes ACTIVE again) or the bank to block the user', input.lockedUntil);
  await io.sendLoginLockedNotice({ workflowId, userId: input.userId, lockedUntil: new Date(input.lockedUntil).toISOString() });
  await trail.flush();
  await condition(() => blocked, Math.max(1, input.lockedUntil - Date.now()));
  if (!blocked) await io.endLoginLock({ userId: input.userId });
  const outcome = blocked ? 'BLOCKED' : 'UNLOCKED';
  upsertSearchAttributes([{ key: FlowStatus, value: outcome }]);
  showFinished(outcome);
  trail.note(outcome, blocked ? 'USER_BLOCKED' : 'LOCK_EXPIRED');
  await trail.flush();
  return { outcome };
}

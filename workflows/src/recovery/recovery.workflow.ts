import { allHandlersFinished, condition, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { recoveryStatus, type RecoveryStatus } from '../../../libs/domain/src/auth/recovery';
import {
  decideRegistration,
  initialRegistrationState,
  isRegistrationFinal,
  type RegistrationEvent,
} from '../../../libs/domain/src/registration';
import { refusal } from '../shared/refusal';
import { FlowStatus, UserIds } from '../shared/search-attributes';
import { byUser, transitionTrail } from '../shared/transition-trail';
import { userBlockedSignal } from '../shared/user-blocked';
import type { RecoveryActivities } from './recovery.activities.contract';
import {
  cancelRecoverySignal,
  checkRecoveryCodeUpdate,
  recoveryPasswordSetUpdate,
  recoveryStateQuery,
  requestRecoveryCodeUpdate,
  type RecoveryInput,
  type RecoveryView,
} from './recovery.messages';

const io = proxyActivities<RecoveryActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});
/** Work a cabinet call waits for gives up in time for the caller to hear about it. */
const urgent = proxyActivities<RecoveryActivities>({
  startToCloseTimeout: '15 seconds',
  scheduleToCloseTimeout: '45 seconds',
  retry: { initialInterval: '500 milliseconds', maximumInterval: '5 seconds' },
});

/**
 * One password recovery (§1.12): e-mails a link, sends SMS codes on request,
 * takes the API's verdict on each code, and applies the new password when the
 * API reports it stored. The steps are the registration's, so the registration
 * machine decides them (see libs/domain/src/auth/recovery.ts); the link and each
 * code expire by timers here. Blocking the user (§1.14) or a newer recovery cancels it.
 */
export async function recoveryWorkflow(input: RecoveryInput): Promise<{ status: RecoveryStatus }> {
  const { workflowId } = workflowInfo();
  const expiresAt = input.issuedAt + input.linkTtlMs;
  let state = initialRegistrationState({
    maxAttempts: input.maxAttempts,
    codeTtlMs: input.codeTtlMs,
    resendCooldownMs: input.resendCooldownMs,
  });
  let changes = 0;
  // Asked for by login alone, so nobody is known to have started it; later steps come through the user's link.
  const trail = transitionTrail({ workflowId, flow: 'recovery', partnerId: input.partnerId });
  trail.note(recoveryStatus(state), 'START');

  const decide = (event: RegistrationEvent) => {
    const decision = decideRegistration(state, event);
    if (!decision.ok) throw refusal(decision.error);
    return decision.state;
  };
  const apply = (event: RegistrationEvent) => {
    state = decide(event);
    changes++;
    const byLink = event.type === 'CODE_REQUESTED' || event.type === 'CODE_CHECKED' || event.type === 'PASSWORD_SET';
    trail.note(recoveryStatus(state), event.type, byLink ? byUser(input.userId) : undefined);
  };
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const view = (): RecoveryView => ({
    status: recoveryStatus(state),
    expiresAt: new Date(expiresAt).toISOString(),
    codeExpiresAt: iso(state.context.codeExpiresAt),
    resendAvailableAt: iso(state.context.resendAvailableAt),
    attemptsLeft: state.context.attemptsLeft,
    codesIssued: state.context.codesIssued,
  });

  setHandler(recoveryStateQuery, view);
  setHandler(
    requestRecoveryCodeUpdate,
    async () => {
      apply({ type: 'CODE_REQUESTED', at: Date.now() });
      const codeNo = state.context.codesIssued;
      const codeExpiresAt = new Date(state.context.codeExpiresAt!).toISOString();
      await urgent.sendRecoveryCode({ workflowId, userId: input.userId, codeNo, expiresAt: codeExpiresAt });
      return { codeNo, codeExpiresAt, resendAvailableAt: new Date(state.context.resendAvailableAt!).toISOString() };
    },
    { validator: () => void decide({ type: 'CODE_REQUESTED', at: Date.now() }) },
  );
  setHandler(
    checkRecoveryCodeUpdate,
    (check) => {
      apply({ type: 'CODE_CHECKED', correct: check.correct, codeNo: check.codeNo, at: Date.now() });
      return { status: recoveryStatus(state), attemptsLeft: state.context.attemptsLeft };
    },
    { validator: (check) => void decide({ type: 'CODE_CHECKED', ...check, at: Date.now() }) },
  );
  setHandler(
    recoveryPasswordSetUpdate,
    async () => {
      apply({ type: 'PASSWORD_SET' });
      await urgent.completeRecovery({ workflowId, userId: input.userId });
      return { status: recoveryStatus(state) };
    },
    { validator: () => void decide({ type: 'PASSWORD_SET' }) },
  );
  setHandler(cancelRecoverySignal, ({ reason }) => {
    if (!isRegistrationFinal(state)) apply({ type: 'CANCEL', reason });
  });
  setHandler(userBlockedSignal, ({ userId }) => {
    if (userId === input.userId && !isRegistrationFinal(state)) apply({ type: 'CANCEL', reason: 'BLOCKED' });
  });
  upsertSearchAttributes([{ key: UserIds, value: [input.userId] }]);

  await io.sendRecoveryLink({ workflowId, userId: input.userId, expiresAt: new Date(expiresAt).toISOString() });

  let recorded = '';
  while (!isRegistrationFinal(state)) {
    const status = recoveryStatus(state);
    if (status !== recorded) {
      recorded = status;
      upsertSearchAttributes([{ key: FlowStatus, value: status }]);
      await io.recordRecoveryStatus({ workflowId, status });
      await trail.flush();
      continue;
    }
    const seen = changes;
    const codeDue = state.value === 'codeSent' ? state.context.codeExpiresAt! : Infinity;
    const wakeAt = Math.min(expiresAt, codeDue);
    const changed = await condition(() => changes !== seen, Math.max(1, wakeAt - Date.now()));
    if (changed) continue;
    const now = Date.now();
    if (now >= expiresAt) apply({ type: 'LINK_EXPIRED' });
    else if (state.value === 'codeSent' && now >= codeDue) apply({ type: 'CODE_EXPIRED', at: now });
  }

  const final = recoveryStatus(state);
  upsertSearchAttributes([{ key: FlowStatus, value: final }]);
  await condition(allHandlersFinished);
  await io.recordRecoveryStatus({ workflowId, status: final });
  await trail.flush();
  return { status: final };
}

import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import { recoveryStatus, type RecoveryStatus } from '@domain/auth/recovery';
import { runLinkCodeFlow } from '../shared/link-code-flow';
import { transitionTrail } from '../shared/transition-trail';
import type { RecoveryActivities } from './recovery.activities.contract';
import {
  cancelRecoverySignal,
  checkRecoveryCodeUpdate,
  recoveryPasswordSetUpdate,
  recoveryStateQuery,
  requestRecoveryCodeUpdate,
  type RecoveryInput,
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
 * machine decides them (see libs/domain/src/auth/recovery.ts) in the same flow
 * (shared/link-code-flow). Blocking the user (§1.14) or a newer recovery cancels it.
 */
export async function recoveryWorkflow(input: RecoveryInput): Promise<{ status: RecoveryStatus }> {
  const { workflowId } = workflowInfo();
  const { userId } = input;
  // Asked for by login alone, so nobody is known to have started it; later steps come through the user's link.
  const trail = transitionTrail({ workflowId, flow: 'recovery', partnerId: input.partnerId });
  const status = await runLinkCodeFlow({
    userId,
    lifetimes: input,
    expiresAt: input.issuedAt + input.linkTtlMs,
    status: recoveryStatus,
    messages: {
      state: recoveryStateQuery,
      requestCode: requestRecoveryCodeUpdate,
      checkCode: checkRecoveryCodeUpdate,
      passwordSet: recoveryPasswordSetUpdate,
      cancel: cancelRecoverySignal,
    },
    sendLink: (expiresAt) => io.sendRecoveryLink({ workflowId, userId, expiresAt }),
    sendCode: (codeNo, expiresAt) => urgent.sendRecoveryCode({ workflowId, userId, codeNo, expiresAt }),
    passwordSet: () => urgent.completeRecovery({ workflowId, userId }),
    recordStatus: (status) => io.recordRecoveryStatus({ workflowId, status }),
    // Every step is kept as it is taken, so none merges with the next while a record is written.
    stepped: (to, event, actor) => trail.note(to, event, actor),
    recordTransition: () => trail.flush(),
  });
  return { status };
}

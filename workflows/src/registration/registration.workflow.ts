import { ParentClosePolicy, proxyActivities, startChild, workflowInfo } from '@temporalio/workflow';
import { registrationStatus } from '@domain/registration';
import { runLinkCodeFlow } from '../shared/link-code-flow';
import { Flow, FlowStatus, PartnerBin, PartnerId, UserId } from '../shared/search-attributes';
import { transitionTrail } from '../shared/transition-trail';
import type { RegistrationActivities } from './registration.activities.contract';
import {
  cancelRegistrationSignal,
  checkCodeUpdate,
  passwordSetUpdate,
  registrationStateQuery,
  registrationWorkflowId,
  requestCodeUpdate,
  type RegistrationInput,
  type RegistrationView,
} from './registration.messages';

const io = proxyActivities<RegistrationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});
/** Sends awaited by a cabinet call give up in time for the caller to hear about it. */
const urgent = proxyActivities<RegistrationActivities>({
  startToCloseTimeout: '15 seconds',
  scheduleToCloseTimeout: '45 seconds',
  retry: { initialInterval: '500 milliseconds', maximumInterval: '5 seconds' },
});

/**
 * One invitation of one user to register (§1.5–§1.7, §1.10–§1.11): e-mails a link,
 * sends SMS codes on request, takes the API's verdict on each code, and becomes
 * ACTIVE when the API reports the password set. The link and each code expire by
 * timers (shared/link-code-flow); the domain machine decides every transition.
 */
export async function registrationWorkflow(input: RegistrationInput): Promise<{ status: RegistrationView['status'] }> {
  const { workflowId } = workflowInfo();
  const { userId } = input;
  const trail = transitionTrail({ workflowId, flow: 'registration', partnerId: input.partnerId });
  const status = await runLinkCodeFlow({
    userId,
    lifetimes: input,
    expiresAt: Date.now() + input.linkTtlMs,
    status: registrationStatus,
    messages: {
      state: registrationStateQuery,
      requestCode: requestCodeUpdate,
      checkCode: checkCodeUpdate,
      passwordSet: passwordSetUpdate,
      cancel: cancelRegistrationSignal,
    },
    sendLink: (expiresAt) => io.sendRegistrationLink({ workflowId, userId, invitationNo: input.invitationNo, expiresAt }),
    sendCode: (codeNo, expiresAt) => urgent.sendRegistrationCode({ workflowId, userId, codeNo, expiresAt }),
    passwordSet: () => urgent.activateUser({ workflowId, userId }),
    recordStatus: (status) => io.recordRegistrationStatus({ workflowId, status }),
    // Every step is kept as it is taken (§1.15): a code requested before INVITED is
    // recorded still leaves START → INVITED and INVITED → CODE_SENT, not one merged record.
    stepped: (to, event, actor) => trail.note(to, event, actor),
    recordTransition: () => trail.flush(),
  });
  return { status };
}

/** Who invites a user in a parent flow: the partner, and the lifetimes of the link and codes. */
export interface Inviter {
  partnerId: string;
  partnerBin: string;
  registration: Pick<RegistrationInput, 'linkTtlMs' | 'codeTtlMs' | 'resendCooldownMs' | 'maxAttempts'>;
}

/**
 * Starts the first invitation of a user as a child of an onboarding or a sub-user
 * request (§1.8.4). Abandoned rather than terminated with its parent: an invitation
 * once sent stays valid, and a parent that ends first cancels it by signal, so the
 * registration records why.
 */
export const startFirstRegistration = (inviter: Inviter, userId: string, note?: string) =>
  startChild(registrationWorkflow, {
    workflowId: registrationWorkflowId(userId, 1),
    args: [{ userId, partnerId: inviter.partnerId, partnerBin: inviter.partnerBin, invitationNo: 1, ...inviter.registration }],
    parentClosePolicy: ParentClosePolicy.ABANDON,
    typedSearchAttributes: [
      { key: Flow, value: 'registration' },
      { key: PartnerId, value: inviter.partnerId },
      { key: PartnerBin, value: inviter.partnerBin },
      { key: UserId, value: userId },
      { key: FlowStatus, value: 'INVITED' },
    ],
    staticSummary: `Registration of user ${userId} (invitation 1${note ? `, ${note}` : ''})`,
  });

import {
  allHandlersFinished,
  condition,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import {
  decideRegistration,
  initialRegistrationState,
  isRegistrationFinal,
  registrationStatus,
  type RegistrationEvent,
} from '../../../libs/domain/src/registration';
import { FlowStatus, UserIds } from '../shared/search-attributes';
import { userBlockedSignal } from '../shared/user-blocked';
import { refusal } from '../shared/refusal';
import type { AuditActivities } from '../shared/audit.activities.contract';
import type { RegistrationActivities } from './registration.activities.contract';
import {
  cancelRegistrationSignal,
  checkCodeUpdate,
  passwordSetUpdate,
  registrationStateQuery,
  requestCodeUpdate,
  type RegistrationInput,
  type RegistrationView,
} from './registration.messages';

const io = proxyActivities<RegistrationActivities & AuditActivities>({
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
 * timers here; the domain machine decides every transition.
 */
export async function registrationWorkflow(input: RegistrationInput): Promise<{ status: RegistrationView['status'] }> {
  const { workflowId } = workflowInfo();
  const expiresAt = Date.now() + input.linkTtlMs;
  let state = initialRegistrationState({
    maxAttempts: input.maxAttempts,
    codeTtlMs: input.codeTtlMs,
    resendCooldownMs: input.resendCooldownMs,
  });
  let changes = 0;
  let lastEvent: RegistrationEvent['type'] | 'START' = 'START';

  const decide = (event: RegistrationEvent) => {
    const decision = decideRegistration(state, event);
    if (!decision.ok) throw refusal(decision.error);
    return decision.state;
  };
  const apply = (event: RegistrationEvent) => {
    state = decide(event);
    changes++;
    lastEvent = event.type;
  };
  // `event` is read when the status is, before any await lets another handler run.
  const audit = (from: string | null, to: RegistrationView['status'], event: typeof lastEvent) => {
    // The invited user acts through the link; expiry and cancellation are the flow's own.
    const byUser = event === 'CODE_REQUESTED' || event === 'CODE_CHECKED' || event === 'PASSWORD_SET';
    return io.recordTransition({
      workflowId,
      flow: 'registration',
      from,
      to,
      partnerId: input.partnerId,
      actorId: byUser ? input.userId : null,
      actorType: byUser ? 'USER' : 'SYSTEM',
      event,
    });
  };
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const view = (): RegistrationView => ({
    status: registrationStatus(state),
    expiresAt: new Date(expiresAt).toISOString(),
    codeExpiresAt: iso(state.context.codeExpiresAt),
    resendAvailableAt: iso(state.context.resendAvailableAt),
    attemptsLeft: state.context.attemptsLeft,
    codesIssued: state.context.codesIssued,
  });

  setHandler(registrationStateQuery, view);
  setHandler(
    requestCodeUpdate,
    async () => {
      apply({ type: 'CODE_REQUESTED', at: Date.now() });
      const codeNo = state.context.codesIssued;
      const codeExpiresAt = new Date(state.context.codeExpiresAt!).toISOString();
      await urgent.sendRegistrationCode({ workflowId, userId: input.userId, codeNo, expiresAt: codeExpiresAt });
      return { codeNo, codeExpiresAt, resendAvailableAt: new Date(state.context.resendAvailableAt!).toISOString() };
    },
    { validator: () => void decide({ type: 'CODE_REQUESTED', at: Date.now() }) },
  );
  setHandler(
    checkCodeUpdate,
    (check) => {
      apply({ type: 'CODE_CHECKED', correct: check.correct, codeNo: check.codeNo, at: Date.now() });
      return { status: registrationStatus(state), attemptsLeft: state.context.attemptsLeft };
    },
    { validator: (check) => void decide({ type: 'CODE_CHECKED', ...check, at: Date.now() }) },
  );
  setHandler(
    passwordSetUpdate,
    async () => {
      apply({ type: 'PASSWORD_SET' });
      await urgent.activateUser({ workflowId, userId: input.userId });
      return { status: registrationStatus(state) };
    },
    { validator: () => void decide({ type: 'PASSWORD_SET' }) },
  );
  setHandler(cancelRegistrationSignal, ({ reason }) => {
    if (!isRegistrationFinal(state)) apply({ type: 'CANCEL', reason });
  });
  setHandler(userBlockedSignal, ({ userId }) => {
    if (userId === input.userId && !isRegistrationFinal(state)) apply({ type: 'CANCEL', reason: 'BLOCKED' });
  });
  upsertSearchAttributes([{ key: UserIds, value: [input.userId] }]);

  await io.sendRegistrationLink({
    workflowId,
    userId: input.userId,
    invitationNo: input.invitationNo,
    expiresAt: new Date(expiresAt).toISOString(),
  });

  let recorded = '';
  while (!isRegistrationFinal(state)) {
    const status = registrationStatus(state);
    if (status !== recorded) {
      const from = recorded || null;
      const event = lastEvent;
      recorded = status;
      upsertSearchAttributes([{ key: FlowStatus, value: status }]);
      await io.recordRegistrationStatus({ workflowId, status });
      await audit(from, status, event);
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

  const final = registrationStatus(state);
  const finalEvent = lastEvent;
  upsertSearchAttributes([{ key: FlowStatus, value: final }]);
  await condition(allHandlersFinished);
  await io.recordRegistrationStatus({ workflowId, status: final });
  await audit(recorded || null, final, finalEvent);
  return { status: final };
}

import { condition, allHandlersFinished, proxyActivities, setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { decideOnboarding, initialOnboardingState, isOnboardingFinal, onboardingStatus, type OnboardingEvent } from '@domain/onboarding';
import { showFinished, showWaiting } from '../shared/current-details';
import { FlowStatus } from '../shared/search-attributes';
import { refusal } from '../shared/refusal';
import type { AuditActivities } from '../shared/audit.activities.contract';
import { startFirstRegistration } from '../registration/registration.workflow';
import type { OnboardingActivities } from './onboarding.activities.contract';
import { acceptAgreementUpdate, cancelOnboardingSignal, onboardingStateQuery, signUpdate, type OnboardingInput, type OnboardingView } from './onboarding.messages';

const io = proxyActivities<OnboardingActivities & AuditActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/**
 * One partner application (§1.5): waits for the bank's signature and the partner's
 * acceptance of the agreement in either order, then invites every listed user
 * through a registration child workflow and completes when all of them finished.
 */
export async function onboardingWorkflow(input: OnboardingInput): Promise<OnboardingView> {
  let state = initialOnboardingState({ users: input.userIds.length });
  let finished = 0;
  let recordedStatus: OnboardingView['status'] = 'AWAITING_SIGNATURE';
  let lastEvent = 'START';
  const apply = (event: OnboardingEvent) => {
    const decision = decideOnboarding(state, event);
    if (!decision.ok) throw refusal(decision.error);
    state = decision.state;
    lastEvent = event.type;
  };
  const check = (event: OnboardingEvent) => {
    const decision = decideOnboarding(state, event);
    if (!decision.ok) throw refusal(decision.error);
  };
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  const view = (): OnboardingView => ({
    status: onboardingStatus(state),
    signedAt: iso(state.context.signedAt),
    acceptedAt: iso(state.context.acceptedAt),
    registrationsFinished: finished,
  });
  const show = () => {
    const v = view();
    if (v.status === 'AWAITING_SIGNATURE') {
      showWaiting(`the bank's signature${v.acceptedAt ? ' (the partner accepted the agreement)' : " and the partner's acceptance of the agreement"}`);
    } else if (v.status === 'AWAITING_ACCEPTANCE') showWaiting("the partner's acceptance of the agreement (the bank signed)");
    else if (v.status === 'INVITING') showWaiting(`the users to register: ${finished} of ${input.userIds.length} finished`);
    else showFinished(v.status);
  };
  const record = async () => {
    const v = view();
    upsertSearchAttributes([{ key: FlowStatus, value: v.status }]);
    show();
    await io.recordApplicationStatus({ applicationId: input.applicationId, status: v.status, signedAt: v.signedAt, acceptedAt: v.acceptedAt });
    // Every applied event is audited, also one that keeps the status (accepted before signed).
    const from = recordedStatus;
    recordedStatus = v.status;
    await io.recordTransition({
      workflowId: workflowInfo().workflowId,
      flow: 'onboarding',
      from,
      to: v.status,
      partnerId: input.partnerId,
      actorId: null,
      // The bank's operator signs and records the acceptance; everything else the flow does itself.
      actorType: lastEvent === 'BANK_SIGNED' || lastEvent === 'AGREEMENT_ACCEPTED' ? 'OPERATOR' : 'SYSTEM',
      event: lastEvent,
    });
  };

  setHandler(onboardingStateQuery, view);
  setHandler(
    signUpdate,
    async () => {
      apply({ type: 'BANK_SIGNED', at: Date.now() });
      await record();
      return { status: onboardingStatus(state) };
    },
    { validator: () => check({ type: 'BANK_SIGNED', at: Date.now() }) },
  );
  setHandler(
    acceptAgreementUpdate,
    async () => {
      apply({ type: 'AGREEMENT_ACCEPTED', at: Date.now() });
      await record();
      return { status: onboardingStatus(state) };
    },
    { validator: () => check({ type: 'AGREEMENT_ACCEPTED', at: Date.now() }) },
  );
  setHandler(cancelOnboardingSignal, ({ reason }) => {
    if (!isOnboardingFinal(state)) apply({ type: 'CANCEL', reason });
  });

  show();
  await condition(() => state.value === 'inviting' || isOnboardingFinal(state));
  if (state.value === 'inviting') {
    const children = await Promise.all(input.userIds.map((userId) => startFirstRegistration(input, userId)));
    // A registration ends one way or another (active, expired, locked, cancelled); each counts as finished.
    await Promise.all(
      children.map((child) =>
        child
          .result()
          .then(
            () => undefined,
            () => undefined,
          )
          .finally(() => {
            finished++;
            show();
          }),
      ),
    );
    if (!isOnboardingFinal(state)) apply({ type: 'REGISTRATIONS_FINISHED' });
  }
  await record();
  await condition(allHandlersFinished);
  return view();
}

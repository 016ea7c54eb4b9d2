import {
  allHandlersFinished,
  condition,
  log,
  proxyActivities,
  setHandler,
  sleep,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
  type ChildWorkflowHandle,
} from '@temporalio/workflow';
import { assessSubUserRequest, registrationOutcomeEvent, subUserCheckEvent } from '../../../libs/domain/src/sub-user-request';
import { cancelRegistrationSignal } from '../registration/registration.messages';
import { startFirstRegistration, type registrationWorkflow } from '../registration/registration.workflow';
import { showFinished, showWaiting, showWorking } from '../shared/current-details';
import { FlowStatus, UserIds } from '../shared/search-attributes';
import { until } from '../shared/until';
import { userBlockedSignal } from '../shared/user-blocked';
import type { SubUserRequestActivities } from './sub-user-request.activities.contract';
import {
  approveUpdate,
  CODE_NO,
  codeSentUpdate,
  confirmUpdate,
  rejectUpdate,
  subUserRequestStateQuery,
  type SubUserRequestInput,
  type SubUserRequestView,
} from './sub-user-request.messages';
import { SubUserRequestState } from './sub-user-request.state';

const io = proxyActivities<SubUserRequestActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});
/**
 * The mirror of the request: bounded, so a write that cannot succeed (the worker's interceptor
 * fails data errors at once) or a long outage never holds the flow; it is tried again after a pause.
 */
const book = proxyActivities<Pick<SubUserRequestActivities, 'recordSubUserRequest'>>({
  startToCloseTimeout: '30 seconds',
  scheduleToCloseTimeout: '3 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});
/** The code send is awaited by the creating REST call: give up in time for the caller to hear it. */
const urgent = proxyActivities<SubUserRequestActivities>({
  startToCloseTimeout: '15 seconds',
  scheduleToCloseTimeout: '45 seconds',
  retry: { initialInterval: '500 milliseconds', maximumInterval: '5 seconds' },
});

/**
 * A full-access user adds a user (§1.8): the creator confirms with a code sent to
 * their phone (§1.8.2); the bank checks the request and approves it, or an operator
 * decides (§1.8.3); the new user, always CREATE_AND_VIEW (§1.3, §1.9), registers
 * through the registration workflow as a child (§1.8.4). The domain machines decide
 * every step; timers here expire the code and the wait for an operator.
 */
export async function subUserRequestWorkflow(input: SubUserRequestInput): Promise<SubUserRequestView> {
  const { workflowId } = workflowInfo();
  const { requestId } = input;
  const s = new SubUserRequestState(input, Date.now());
  let codeSent = false;
  let newUserId: string | null = null;
  /** The new user's registration once started, and whether it has ended. */
  const registration: { child: ChildWorkflowHandle<typeof registrationWorkflow> | null; ended: boolean } = {
    child: null,
    ended: false,
  };

  setHandler(subUserRequestStateQuery, () => s.view());
  setHandler(codeSentUpdate, async () => {
    await condition(() => codeSent);
    return { status: s.view().status, codeExpiresAt: s.view().codeExpiresAt };
  });
  setHandler(confirmUpdate, (check) => s.confirm(check, Date.now()), {
    validator: (check) => s.validateConfirm(check, Date.now()),
  });
  // An operator's decision (§1.8.3): the validator refuses what the machine refuses, synchronously.
  setHandler(
    approveUpdate,
    ({ operatorId }) => {
      s.apply({ type: 'OPERATOR_APPROVED', operatorId, at: Date.now() });
      return { status: s.view().status };
    },
    { validator: ({ operatorId }) => void s.check({ type: 'OPERATOR_APPROVED', operatorId, at: Date.now() }) },
  );
  setHandler(
    rejectUpdate,
    ({ operatorId, reason }) => {
      s.apply({ type: 'OPERATOR_REJECTED', operatorId, reason, at: Date.now() });
      return { status: s.view().status };
    },
    { validator: ({ operatorId, reason }) => void s.check({ type: 'OPERATOR_REJECTED', operatorId, reason, at: Date.now() }) },
  );
  // §1.14: the bank blocked the creator (or the new user): nothing more happens for this request.
  setHandler(userBlockedSignal, ({ userId }) => {
    if (s.final) return;
    if (userId === input.creator.userId) s.apply({ type: 'CANCEL', reason: 'CREATOR_BLOCKED' });
    else if (userId === newUserId) s.apply({ type: 'CANCEL', reason: 'USER_BLOCKED' });
  });
  upsertSearchAttributes([{ key: UserIds, value: [input.creator.userId] }]);

  let recorded = '';
  const keyOf = (v: SubUserRequestView) => JSON.stringify([v.machine.request.value, v.codeExpiresAt, v.reviewFlags, v.newUserId]);
  const recordOf = (v: SubUserRequestView) => {
    const { status, codeExpiresAt, reviewFlags, operatorDeadline, operatorId, rejectReason, cancelReason, newUserId } = v;
    return { requestId, status, state: v.machine.request.value, codeExpiresAt, reviewFlags, operatorDeadline, operatorId, rejectReason, cancelReason, newUserId };
  };
  const sync = async () => {
    let v = s.view();
    if (keyOf(v) === recorded) return;
    upsertSearchAttributes([{ key: FlowStatus, value: v.status }]);
    // Operators' Updates are still answered meanwhile; each try writes the whole request as it is then.
    for (;;) {
      recorded = keyOf(v);
      try {
        return await book.recordSubUserRequest(recordOf(v));
      } catch (error) {
        log.error('sub-user request not recorded; trying again', { alert: 'SUB_USER_REQUEST_NOT_RECORDED', requestId, error: String(error) });
        await sleep('1 minute');
        v = s.view();
      }
    }
  };

  /** §1.8.3–§1.8.4: create the user (admission re-checked) and start the registration as a child. */
  const invite = async () => {
    const userId = (newUserId ??= uuid4());
    const creation = await io.createSubUser({ requestId, userId, policy: input.policy });
    if (s.final) {
      if (creation.created) await io.withdrawSubUser({ requestId, userId });
      return;
    }
    if (!creation.created) {
      s.apply({ type: 'CHECKS_FAILED', reason: creation.reason, at: Date.now() });
      return;
    }
    upsertSearchAttributes([{ key: UserIds, value: [input.creator.userId, userId] }]);
    const child = await startFirstRegistration(input, userId, `sub-user request ${requestId}`);
    registration.child = child;
    s.registrationStatus = 'INVITED';
    void child
      .result()
      .then(
        ({ status }) => void (s.registrationStatus = status),
        () => void (s.registrationStatus = null),
      )
      .finally(() => void (registration.ended = true));
    if (!s.final) s.apply({ type: 'INVITATION_SENT', userId, at: Date.now() });
  };

  const showStep = () => {
    if (s.value === 'awaitingConfirmation') showWaiting('the creator to confirm the request with the SMS code', s.codeDeadline);
    else if (s.value === 'bankProcessing') showWorking('The bank checks the request (§1.8.3)');
    else if (s.value === 'awaitingOperator')
      showWaiting(`an operator to approve or reject the request (flags: ${s.reviewFlags.join(', ') || 'none'})`, s.operatorDeadline);
    else if (s.value === 'approved') showWorking('Creating the new user and sending the registration link');
    else if (s.value === 'invited') showWaiting(`the new user ${newUserId} to register (registration-${newUserId}-1)`);
  };
  s.issueCode(Date.now());
  try {
    await urgent.sendSubUserCode({ workflowId, creatorId: input.creator.userId, codeNo: CODE_NO, expiresAt: new Date(s.codeDeadline).toISOString() });
  } catch {
    if (!s.final) s.apply({ type: 'CANCEL', reason: 'CODE_NOT_SENT' });
  }
  codeSent = true;

  while (!s.final) {
    await sync();
    const seen = s.changes;
    showStep();
    switch (s.value) {
      case 'awaitingConfirmation':
        if (!(await until(() => s.changes !== seen, s.codeDeadline))) s.expireCode(Date.now());
        break;
      case 'bankProcessing': {
        const facts = await io.gatherSubUserFacts({ requestId });
        if (s.value !== 'bankProcessing') break;
        const verdict = assessSubUserRequest(facts, input.policy);
        if (verdict.outcome === 'REVIEW') s.reviewFlags = [...verdict.flags];
        s.apply(subUserCheckEvent(verdict, Date.now()));
        break;
      }
      case 'awaitingOperator':
        if (!(await until(() => s.changes !== seen, s.operatorDeadline!))) s.apply({ type: 'EXPIRED', at: Date.now() });
        break;
      case 'approved':
        await invite();
        break;
      case 'invited': {
        await condition(() => registration.ended || s.changes !== seen);
        const event = registration.ended ? registrationOutcomeEvent(s.registrationStatus ?? 'FAILED', Date.now()) : null;
        if (event && !s.final) s.apply(event);
        break;
      }
    }
  }

  // Cancelled while the new user was still registering: that registration must not complete either.
  if (registration.child && !registration.ended) {
    await registration.child.signal(cancelRegistrationSignal, { reason: 'SUB_USER_REQUEST_CANCELLED' }).catch(() => undefined);
  }
  await sync();
  showFinished(s.view().status);
  await condition(allHandlersFinished);
  return s.view();
}

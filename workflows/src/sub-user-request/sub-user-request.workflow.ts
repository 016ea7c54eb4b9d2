import { allHandlersFinished, condition, setHandler, uuid4 } from '@temporalio/workflow';
import { codeCheckResult, subUserRequestAgenda, subUserRequestProjection, type SubUserRequestAgenda } from '@domain/sub-user-request';
import { registrationWorkflowId } from '../registration/registration.messages';
import { showFinished, showWaiting, showWorking } from '../shared/current-details';
import { until } from '../shared/until';
import { userBlockedSignal } from '../shared/user-blocked';
import { createRunner } from './sub-user-request-effects';
import {
  approveUpdate,
  codeSentUpdate,
  confirmUpdate,
  rejectUpdate,
  subUserRequestStateQuery,
  type SubUserRequestInput,
  type SubUserRequestView,
} from './sub-user-request.messages';
import { checkCode, SubUserRequestHolder } from './sub-user-request-state';

/** What the flow waits for, as operators read it in the Temporal UI (ids and times only). */
const show = (next: SubUserRequestAgenda) => {
  switch (next.type) {
    case 'AWAIT_CODE':
      return showWaiting('the creator to confirm the request with the SMS code', next.until);
    case 'RUN_CHECKS':
      return showWorking('The bank checks the request (§1.8.3)');
    case 'AWAIT_OPERATOR':
      return showWaiting(`an operator to approve or reject the request (flags: ${next.flags.join(', ') || 'none'})`, next.until);
    case 'INVITE':
      return showWorking('Creating the new user and sending the registration link');
    case 'AWAIT_REGISTRATION':
      return showWaiting(`the new user ${next.userId} to register (${registrationWorkflowId(next.userId, 1)})`);
  }
};

/**
 * A full-access user adds a user (§1.8): the creator confirms with a code sent to their phone
 * (§1.8.2); the bank checks the request and approves it, or an operator decides (§1.8.3); the new
 * user, always CREATE_AND_VIEW (§1.3, §1.9), registers through the registration workflow as a
 * child (§1.8.4). Every step is decided by the sub-user request aggregate (libs/domain): this
 * workflow turns Updates, signals, timers and activity answers into its commands, carries out
 * its effects (sub-user-request.effects.ts), and does what its agenda says next.
 */
export async function subUserRequestWorkflow(input: SubUserRequestInput): Promise<SubUserRequestView> {
  const holder = new SubUserRequestHolder(input, Date.now());
  const run = createRunner(holder, input);

  setHandler(subUserRequestStateQuery, () => holder.view());
  setHandler(codeSentUpdate, async () => {
    await condition(run.codeSent);
    const { status, codeExpiresAt } = subUserRequestProjection(holder.request);
    return { status, codeExpiresAt };
  });
  // The API checked the code against its HMAC: only the verdict and who presented it arrive here.
  setHandler(
    confirmUpdate,
    (check) => {
      run.later(checkCode(check, Date.now()));
      return codeCheckResult(holder.request);
    },
    { validator: (check) => holder.check(checkCode(check, Date.now())) },
  );
  // An operator's decision (§1.8.3): the validator refuses what the aggregate refuses, synchronously.
  setHandler(
    approveUpdate,
    ({ operatorId }) => {
      run.later({ type: 'APPROVE', operatorId, at: Date.now() });
      return { status: subUserRequestProjection(holder.request).status };
    },
    { validator: ({ operatorId }) => holder.check({ type: 'APPROVE', operatorId, at: Date.now() }) },
  );
  setHandler(
    rejectUpdate,
    ({ operatorId, reason }) => {
      run.later({ type: 'REJECT', operatorId, reason, at: Date.now() });
      return { status: subUserRequestProjection(holder.request).status };
    },
    { validator: ({ operatorId, reason }) => holder.check({ type: 'REJECT', operatorId, reason, at: Date.now() }) },
  );
  // §1.14: the bank blocked a user; the aggregate knows whether that ends this request.
  setHandler(userBlockedSignal, ({ userId }) => run.later({ type: 'USER_BLOCKED', userId, at: Date.now() }));

  await run.start();
  for (;;) {
    await run.flush();
    if (holder.final) break;
    const seen = holder.changes;
    const changed = () => holder.changes !== seen;
    const next = subUserRequestAgenda(holder.request);
    show(next);
    switch (next.type) {
      case 'AWAIT_CODE':
      case 'AWAIT_OPERATOR':
        if (!(await until(changed, next.until))) await run.now({ type: 'EXPIRE', at: Date.now() });
        break;
      case 'RUN_CHECKS':
        await run.runChecks();
        break;
      case 'INVITE':
        await run.now({ type: 'INVITE', userId: next.userId ?? uuid4(), at: Date.now() });
        break;
      case 'AWAIT_REGISTRATION':
        await condition(changed);
        break;
    }
  }
  // What handlers asked for while the last turn's write was under way (the old loop's closing write).
  await run.flush();
  showFinished(subUserRequestProjection(holder.request).status);
  await condition(allHandlersFinished);
  return holder.view();
}

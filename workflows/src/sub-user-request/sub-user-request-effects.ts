import { log, proxyActivities, sleep, upsertSearchAttributes, workflowInfo, type ChildWorkflowHandle } from '@temporalio/workflow';
import type { RegistrationStatus } from '@domain/registration';
import { subUserRequestProjection, type SubUserRequestCommand, type SubUserRequestEffect } from '@domain/sub-user-request';
import { cancelRegistrationSignal } from '../registration/registration.messages';
import { startFirstRegistration, type registrationWorkflow } from '../registration/registration.workflow';
import { FlowStatus, UserIds } from '../shared/search-attributes';
import type { SubUserRequestActivities } from './sub-user-request.activities.contract';
import type { SubUserRequestInput } from './sub-user-request.messages';
import type { SubUserRequestHolder } from './sub-user-request-state';

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
 * Carries out the aggregate's effects with activities. Decisions the main loop takes (answers of
 * its activities, its timers) are carried out at once; those of handlers (Updates, signals, the
 * registration's end) wait in an outbox for the loop's next turn, and RECORD marks the row due:
 * it is written once per turn, before the work the new state asks for. That keeps the activities,
 * timers and signals of each path in the order recorded histories hold (test/replay).
 */
export function createRunner(holder: SubUserRequestHolder, input: SubUserRequestInput) {
  const { workflowId } = workflowInfo();
  const { requestId } = input;
  const outbox: SubUserRequestEffect[] = [];
  let due = false;
  let recorded = '';
  let codeSent = false;
  /** The new user's registration once started, and whether it has ended. */
  const registration: { child: ChildWorkflowHandle<typeof registrationWorkflow> | null; ended: boolean } = { child: null, ended: false };

  const sync = async () => {
    let row = subUserRequestProjection(holder.request);
    if (JSON.stringify(row) === recorded) return;
    upsertSearchAttributes([{ key: FlowStatus, value: row.status }]);
    // Operators' Updates are still answered meanwhile; each try writes the whole request as it is then.
    for (;;) {
      recorded = JSON.stringify(row);
      try {
        return await book.recordSubUserRequest({ requestId, ...row });
      } catch (error) {
        log.error('sub-user request not recorded; trying again', { alert: 'SUB_USER_REQUEST_NOT_RECORDED', requestId, error: String(error) });
        await sleep('1 minute');
        row = subUserRequestProjection(holder.request);
      }
    }
  };

  const later = (command: SubUserRequestCommand) => void outbox.push(...holder.take(command));
  const now = async (command: SubUserRequestCommand) => carryOut(holder.take(command));

  async function carryOut(effects: readonly SubUserRequestEffect[]): Promise<void> {
    for (const effect of effects) {
      switch (effect.type) {
        case 'RECORD':
          due = true;
          break;
        case 'LIST_USERS':
          upsertSearchAttributes([{ key: UserIds, value: [...effect.userIds] }]);
          break;
        case 'SEND_CODE': {
          const { creatorId, codeNo, expiresAt } = effect;
          const sent = await urgent.sendSubUserCode({ workflowId, creatorId, codeNo, expiresAt }).then(
            () => true,
            () => false,
          );
          codeSent = true;
          if (!sent) await now({ type: 'CODE_NOT_SENT', at: Date.now() });
          break;
        }
        case 'CREATE_USER': {
          const creation = await io.createSubUser({ requestId, userId: effect.userId, policy: effect.policy });
          await now({ type: 'USER_CREATION_ANSWERED', creation, at: Date.now() });
          break;
        }
        case 'WITHDRAW_USER':
          await io.withdrawSubUser({ requestId, userId: effect.userId });
          break;
        case 'START_REGISTRATION': {
          const child = await startFirstRegistration(input, effect.userId, `sub-user request ${requestId}`);
          registration.child = child;
          const ended = (status: RegistrationStatus | 'FAILED') => {
            registration.ended = true;
            later({ type: 'REGISTRATION_ENDED', status, at: Date.now() });
          };
          void child.result().then(
            ({ status }) => ended(status),
            () => ended('FAILED'),
          );
          await now({ type: 'REGISTRATION_STARTED', at: Date.now() });
          break;
        }
        case 'CANCEL_REGISTRATION':
          // A registration that has ended has nothing left to cancel.
          if (registration.child && !registration.ended) {
            await registration.child.signal(cancelRegistrationSignal, { reason: 'SUB_USER_REQUEST_CANCELLED' }).catch(() => undefined);
          }
          break;
      }
    }
  }

  /**
   * The loop's turn: what handlers asked for, then the row if it is due — once: what handlers ask
   * meanwhile waits for the next turn, as it always has (a second write here would add an activity).
   */
  const flush = async () => {
    await carryOut(outbox.splice(0));
    if (!due) return;
    due = false;
    await sync();
  };

  /** §1.8.3: the bank's facts, gathered by an activity and judged by the aggregate. */
  const runChecks = async () => now({ type: 'CHECKS_DONE', facts: await io.gatherSubUserFacts({ requestId }), at: Date.now() });

  return { now, later, flush, runChecks, codeSent: () => codeSent, start: () => carryOut(holder.startEffects) };
}

import { WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { Flow, FlowStatus, PartnerId, UserId, UserIds } from '../../../../workflows/src/shared/search-attributes';

/** A workflow started for one user of one partner. */
export interface UserFlow {
  /** The workflow type, as workflows/src/index.ts exports it. */
  type: string;
  /** A business id (`receipt-…`, `recovery-…`). */
  workflowId: string;
  input: object;
  /** The `Flow` search attribute, e.g. `login-lock`. */
  flow: string;
  user: { id: string; partnerId: string };
  /** The status it starts in, until its first record. */
  status: string;
  summary: string;
  memo?: Record<string, unknown>;
}

/**
 * Starts a flow acting for one user. It lists the user in `UserIds`, so blocking
 * the user reaches it (§1.14). Its id, once used — also by a run that has since
 * finished — is refused with WorkflowExecutionAlreadyStartedError, which each
 * caller answers in its own way.
 */
export const startUserFlow = (temporal: Client, taskQueue: string, flow: UserFlow) =>
  temporal.workflow.start(flow.type, {
    workflowId: flow.workflowId,
    taskQueue,
    args: [flow.input],
    workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
    typedSearchAttributes: [
      { key: Flow, value: flow.flow },
      { key: UserId, value: flow.user.id },
      { key: PartnerId, value: flow.user.partnerId },
      { key: UserIds, value: [flow.user.id] },
      { key: FlowStatus, value: flow.status },
    ],
    memo: flow.memo,
    staticSummary: flow.summary,
  });

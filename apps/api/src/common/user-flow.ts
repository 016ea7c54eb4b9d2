import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowIdReusePolicy } from '@temporalio/client';
import { ENV } from '@infra/tokens';
import { Flow, FlowStatus, PartnerBin, PartnerId, UserId, UserIds } from '@workflows/shared/search-attributes';
import type { ApiEnv } from '../config/api-env';
import { FlowParties, type FlowUser } from './flow-parties';

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
  /** What the flow does, e.g. `Sign-in code`; the user and partner are added. No secrets: codes, tokens. */
  summary: string;
  /** Lines for the UI's details (markdown), e.g. the payment a receipt is for. */
  details?: string[];
  memo?: Record<string, unknown>;
}

/** The summary and details operators read in the Temporal UI: the flow, the user, the partner. */
export const userFlowMetadata = (flow: Pick<UserFlow, 'summary' | 'details' | 'status'>, user: FlowUser) => ({
  staticSummary: `${flow.summary}: ${user.fullName}, ${user.partner.name} (BIN ${user.partner.bin})`,
  staticDetails: [
    `**User** ${user.fullName} (${user.id})`,
    `**Partner** ${user.partner.name}, BIN ${user.partner.bin}`,
    `**Status at start** ${flow.status}`,
    ...(flow.details ?? []),
  ].join('\n\n'),
});

/**
 * Starts a flow acting for one user. It lists the user in `UserIds`, so blocking
 * the user reaches it (§1.14), and the partner's BIN, so operators find every flow
 * of a partner by `PartnerBin`. Its id, once used — also by a run that has since
 * finished — is refused with WorkflowExecutionAlreadyStartedError, which each
 * caller answers in its own way.
 */
@Injectable()
export class UserFlows {
  constructor(
    private readonly temporal: Client,
    private readonly parties: FlowParties,
    @Inject(ENV) private readonly env: ApiEnv,
  ) {}

  async start(flow: UserFlow) {
    const user = await this.parties.user(flow.user.id);
    return this.temporal.workflow.start(flow.type, {
      workflowId: flow.workflowId,
      taskQueue: this.env.TEMPORAL_TASK_QUEUE,
      args: [flow.input],
      workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      typedSearchAttributes: [
        { key: Flow, value: flow.flow },
        { key: UserId, value: flow.user.id },
        { key: PartnerId, value: flow.user.partnerId },
        { key: PartnerBin, value: user.partner.bin },
        { key: UserIds, value: [flow.user.id] },
        { key: FlowStatus, value: flow.status },
      ],
      memo: flow.memo,
      ...userFlowMetadata(flow, user),
    });
  }
}

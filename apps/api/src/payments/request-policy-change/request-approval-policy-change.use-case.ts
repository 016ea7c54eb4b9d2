import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { approvalPolicyView, type ApprovalPolicy } from '@domain/payment';
import { success, type Outcome } from '@domain/refusal';
import { ENV } from '@infra/tokens';
import {
  approvalPolicyChangeStateQuery,
  approvalPolicyChangeWorkflowId,
  type ApprovalPolicyChangeInput,
} from '@workflows/approval-policy/approval-policy-change.messages';
import { Flow, FlowStatus, PartnerBin, PartnerId } from '@workflows/shared/search-attributes';
import type { CabinetActor } from '../../auth/cabinet-actor';
import { AuditLog } from '../../common/audit-log.service';
import type { ClientInfo } from '../../common/client-info';
import { FlowParties } from '../../common/flow-parties';
import { userFlowMetadata } from '../../common/user-flow';
import type { ApiEnv } from '../../config/api-env';

/**
 * A change of the partner's approval policy (§1.2.1), asked for by a full-access user. Nothing
 * changes yet: it waits in its own short workflow for the requester's SMS code (POLICY_CHANGE);
 * documents already submitted keep the policy they were submitted under.
 */
@Injectable()
export class RequestApprovalPolicyChangeUseCase {
  constructor(
    private readonly temporal: Client,
    private readonly parties: FlowParties,
    private readonly audit: AuditLog,
    @Inject(ENV) private readonly env: ApiEnv,
  ) {}

  async execute(
    actor: CabinetActor,
    policy: ApprovalPolicy,
    caller: ClientInfo,
  ): Promise<Outcome<{ challengeId: string; expiresAt: string; status: 'AWAITING_CONFIRMATION' }>> {
    const changeId = randomUUID();
    const input: ApprovalPolicyChangeInput = {
      changeId,
      partnerId: actor.partnerId,
      userId: actor.userId,
      policy,
      codeTtlMs: this.env.CODE_TTL_MS,
      codeMaxAttempts: this.env.CODE_MAX_ATTEMPTS,
    };
    const user = await this.parties.user(actor.userId);
    const rules =
      approvalPolicyView(policy)
        .rules.map((r) => `from ${r.minAmount} KZT: ${r.requiredConfirmations} confirmation(s)`)
        .join('; ') || 'one confirmation';
    const handle = await this.temporal.workflow.start('approvalPolicyChangeWorkflow', {
      workflowId: approvalPolicyChangeWorkflowId(changeId),
      taskQueue: this.env.TEMPORAL_TASK_QUEUE,
      args: [input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: [
        { key: Flow, value: 'approval-policy-change' },
        { key: PartnerId, value: actor.partnerId },
        { key: PartnerBin, value: user.partner.bin },
        { key: FlowStatus, value: 'ISSUED' },
      ],
      ...userFlowMetadata(
        {
          summary: 'Approval policy change',
          status: 'ISSUED',
          details: [`**Requested rules** ${rules}; the author ${policy.authorMayConfirm ? 'may' : 'may not'} confirm`],
        },
        user,
      ),
    });
    const view = await handle.query(approvalPolicyChangeStateQuery);
    // The request changes nothing here; its workflow writes the policy once the code is right (§1.15).
    await this.audit.alone({
      by: { userId: actor.userId, partnerId: actor.partnerId },
      caller,
      action: 'approval-policy.change.request',
      target: { type: 'approval-policy', id: actor.partnerId },
      details: { changeId, rules: policy.rules.length, authorMayConfirm: policy.authorMayConfirm },
    });
    return success({ challengeId: changeId, expiresAt: view.expiresAt, status: 'AWAITING_CONFIRMATION' as const });
  }
}

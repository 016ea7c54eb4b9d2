import { HttpException, Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { domainError } from '@domain/domain-error';
import { approvalPolicyView, challengeNotFound, wrongCode, type ApprovalPolicy } from '@domain/payment';
import { OneTimeCodes } from '@infra/codes/one-time-codes';
import { ENV } from '@infra/tokens';
import {
  approvalPolicyChangeStateQuery,
  approvalPolicyChangeWorkflowId,
  approvalPolicyCodeScope,
  checkPolicyCodeUpdate,
  type ApprovalPolicyChangeInput,
} from '@workflows/approval-policy/approval-policy-change.messages';
import { Flow, FlowStatus, PartnerBin, PartnerId } from '@workflows/shared/search-attributes';
import type { CabinetActor } from '../auth/cabinet-actor';
import { FlowParties } from '../common/flow-parties';
import { DomainProblem, problemFromDomain } from '../common/problem';
import { userFlowMetadata } from '../common/user-flow';
import type { ApiEnv } from '../config/api-env';
import type { ClientInfo } from '../common/client-info';
import { PaymentAudit } from './payment-audit';
import { domainActor, PaymentStore } from './payment.store';

/**
 * The partner's approval policy (§1.2.1): how many full-access confirmations a document
 * needs, by amount, and whether its author may be one of them. A change takes effect only
 * after the requesting user's SMS code (POLICY_CHANGE), in its own short workflow; documents
 * already submitted keep the policy they were submitted under.
 */
@Injectable()
export class ApprovalPolicyService {
  constructor(
    private readonly store: PaymentStore,
    private readonly temporal: Client,
    private readonly parties: FlowParties,
    private readonly codes: OneTimeCodes,
    private readonly audit: PaymentAudit,
    @Inject(ENV) private readonly env: ApiEnv,
  ) {}

  async get(partnerId: string) {
    const { version, ...policy } = await this.store.policy(partnerId);
    return { ...approvalPolicyView(policy), version };
  }

  async requestChange(actor: CabinetActor, policy: ApprovalPolicy, caller: ClientInfo) {
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
    await this.audit.byUser(
      actor,
      caller,
      'approval-policy.change.request',
      { type: 'approval-policy', id: actor.partnerId },
      {
        changeId,
        rules: policy.rules.length,
        authorMayConfirm: policy.authorMayConfirm,
      },
    );
    return { challengeId: changeId, expiresAt: view.expiresAt, status: 'AWAITING_CONFIRMATION' as const };
  }

  async verifyChange(actor: CabinetActor, changeId: string, code: string, caller: ClientInfo) {
    const handle = this.temporal.workflow.getHandle(approvalPolicyChangeWorkflowId(changeId));
    const view = await handle.query(approvalPolicyChangeStateQuery).catch((error: unknown) => {
      if (error instanceof WorkflowNotFoundError) return null;
      throw error;
    });
    // Another user's change, even of the same partner, is as if it did not exist.
    if (!view || view.partnerId !== actor.partnerId || view.userId !== actor.userId) throw new DomainProblem(challengeNotFound());
    const verdict = await this.codes.check(approvalPolicyCodeScope(changeId), code);
    if (!verdict) throw new DomainProblem(challengeNotFound());
    const result = await handle.executeUpdate(checkPolicyCodeUpdate, { args: [{ actor: domainActor(actor), correct: verdict.correct }] }).catch((error: unknown) => {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      throw new DomainProblem(
        domainError('POLICY_CHANGE.ENDED', 'CONFLICT', `This policy change has ended (${view.status}); request a new one.`, { state: view.status }),
      );
    });
    const target = { type: 'approval-policy', id: actor.partnerId };
    if (result.outcome === 'WRONG') {
      await this.audit.byUser(actor, caller, 'approval-policy.change.verify', target, { changeId, attemptsLeft: result.attemptsLeft }, 'FAILURE');
      const refusal = problemFromDomain(wrongCode(result.attemptsLeft, result.locked));
      throw new HttpException({ ...refusal, errors: [{ path: 'code', message: refusal.detail }] }, 400);
    }
    await this.audit.byUser(actor, caller, 'approval-policy.change.verify', target, { changeId, version: result.version });
    return this.get(actor.partnerId);
  }
}

import { Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { domainError } from '@domain/domain-error';
import { challengeNotFound, wrongCode } from '@domain/payment';
import { refused, success, type Outcome } from '@domain/refusal';
import { OneTimeCodes } from '@infra/codes/one-time-codes';
import {
  approvalPolicyChangeStateQuery,
  approvalPolicyChangeWorkflowId,
  approvalPolicyCodeScope,
  checkPolicyCodeUpdate,
  type PolicyCodeCheckResult,
} from '@workflows/approval-policy/approval-policy-change.messages';
import type { CabinetActor } from '../../auth/cabinet-actor';
import { AuditLog } from '../../common/audit-log.service';
import type { ClientInfo } from '../../common/client-info';
import { refusalFromTemporal } from '../../common/temporal-errors';
import { domainActor } from '../payment.mapper';
import { ViewApprovalPolicyUseCase, type ApprovalPolicyViewWithVersion } from '../view-policy/view-approval-policy.use-case';

const changeEnded = (state: string) => domainError('POLICY_CHANGE.ENDED', 'CONFLICT', `This policy change has ended (${state}); request a new one.`, { state });

/**
 * Applies a requested approval policy change (§1.2.1) with the requester's SMS code. The code is
 * checked here against its HMAC; the change's workflow hears only right or wrong, counts the
 * attempts (§1.11) and writes the policy.
 */
@Injectable()
export class VerifyApprovalPolicyChangeUseCase {
  constructor(
    private readonly temporal: Client,
    private readonly codes: OneTimeCodes,
    private readonly audit: AuditLog,
    private readonly viewing: ViewApprovalPolicyUseCase,
  ) {}

  async execute(actor: CabinetActor, changeId: string, code: string, caller: ClientInfo): Promise<Outcome<ApprovalPolicyViewWithVersion>> {
    const handle = this.temporal.workflow.getHandle(approvalPolicyChangeWorkflowId(changeId));
    const view = await handle.query(approvalPolicyChangeStateQuery).catch((error: unknown) => {
      if (error instanceof WorkflowNotFoundError) return null;
      throw error;
    });
    // Another user's change, even of the same partner, is as if it did not exist.
    if (!view || view.partnerId !== actor.partnerId || view.userId !== actor.userId) return refused(challengeNotFound());
    const verdict = await this.codes.check(approvalPolicyCodeScope(changeId), code);
    if (!verdict) return refused(challengeNotFound());
    const checked = await this.check(changeId, verdict.correct, actor, view.status);
    if (!checked.ok) return checked;
    const result = checked.value;
    // The change's workflow writes the policy; the API records who tried, and how it went (§1.15).
    const by = { userId: actor.userId, partnerId: actor.partnerId };
    const fact = { by, caller, action: 'approval-policy.change.verify', target: { type: 'approval-policy', id: actor.partnerId } };
    if (result.outcome === 'WRONG') {
      await this.audit.alone({ ...fact, outcome: 'FAILURE', details: { changeId, attemptsLeft: result.attemptsLeft } });
      return refused(wrongCode(result.attemptsLeft, result.locked));
    }
    await this.audit.alone({ ...fact, details: { changeId, version: result.version } });
    return this.viewing.execute(actor.partnerId);
  }

  /** The verdict to the change's workflow; one that has ended refuses with its last status (409). */
  private async check(changeId: string, correct: boolean, actor: CabinetActor, status: string): Promise<Outcome<PolicyCodeCheckResult>> {
    try {
      const handle = this.temporal.workflow.getHandle(approvalPolicyChangeWorkflowId(changeId));
      return success(await handle.executeUpdate(checkPolicyCodeUpdate, { args: [{ actor: domainActor(actor), correct }] }));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return refused(changeEnded(status));
      const refusal = refusalFromTemporal(error);
      if (refusal) return refused(refusal);
      throw error;
    }
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { Client, WithStartWorkflowOperation } from '@temporalio/client';
import type { Actor } from '@domain/access-level';
import type { SubUserRequestStatus } from '@domain/sub-user-request';
import { PrismaService } from '@infra/prisma/prisma.service';
import { ENV } from '@infra/tokens';
import { Flow, FlowStatus, PartnerBin, PartnerId, UserId } from '@workflows/shared/search-attributes';
import {
  codeSentUpdate,
  SUB_USER_REQUEST_FLOW_NAME,
  SUB_USER_REQUEST_WORKFLOW_TYPE,
  subUserRequestWorkflowId,
  type SubUserRequestInput,
} from '@workflows/sub-user-request/sub-user-request.messages';
import { FlowParties } from '../../common/flow-parties';
import { userFlowMetadata } from '../../common/user-flow';
import type { ApiEnv } from '../../config/api-env';

/**
 * Starts a request's workflow together with an Update that answers once the
 * §1.8.2 code has gone to the creator's phone (update-with-start). The workflow is
 * given ids, statuses and today's settings only: a running request keeps them.
 */
@Injectable()
export class SubUserRequestStarter {
  constructor(
    private readonly prisma: PrismaService,
    private readonly temporal: Client,
    private readonly parties: FlowParties,
    @Inject(ENV) private readonly env: ApiEnv,
  ) {}

  async start(requestId: string, creator: Actor, partnerBin: string): Promise<{ status: SubUserRequestStatus; codeExpiresAt: string | null }> {
    const workflowId = subUserRequestWorkflowId(requestId);
    const [user, request] = await Promise.all([
      this.parties.user(creator.userId),
      this.prisma.subUserRequest.findUniqueOrThrow({ where: { id: requestId }, select: { requestedAccessLevel: true } }),
    ]);
    // The person to be added is not a user yet: nothing of theirs reaches Temporal, not even encrypted.
    const metadata = userFlowMetadata(
      {
        summary: `New ${request.requestedAccessLevel} user requested by`,
        status: 'AWAITING_CONFIRMATION',
        details: [`**Request** ${requestId}; the new user's data stays in the bank's database (operator queue)`],
      },
      user,
    );
    const summary = metadata.staticSummary;
    try {
      return await this.temporal.workflow.executeUpdateWithStart(codeSentUpdate, {
        startWorkflowOperation: new WithStartWorkflowOperation(SUB_USER_REQUEST_WORKFLOW_TYPE, {
          workflowId,
          taskQueue: this.env.TEMPORAL_TASK_QUEUE,
          args: [this.input(requestId, creator, partnerBin)],
          workflowIdConflictPolicy: 'FAIL',
          typedSearchAttributes: [
            { key: Flow, value: SUB_USER_REQUEST_FLOW_NAME },
            { key: PartnerId, value: creator.partnerId },
            { key: PartnerBin, value: partnerBin },
            { key: UserId, value: creator.userId },
            { key: FlowStatus, value: 'AWAITING_CONFIRMATION' },
          ],
          memo: { summary },
          ...metadata,
        }),
      });
    } catch (error) {
      await this.releaseIfNotStarted(requestId, workflowId);
      throw error;
    }
  }

  private input(requestId: string, creator: Actor, partnerBin: string): SubUserRequestInput {
    const env = this.env;
    return {
      requestId,
      partnerId: creator.partnerId,
      partnerBin,
      // Ids and statuses only: nothing of the session (its login is an e-mail) reaches history.
      creator: { userId: creator.userId, partnerId: creator.partnerId, accessLevel: creator.accessLevel, status: creator.status },
      code: { ttlMs: env.CODE_TTL_MS, maxAttempts: env.CODE_MAX_ATTEMPTS },
      operatorTtlMs: env.SUB_USER_OPERATOR_TTL_MS,
      policy: { userLimit: env.SUB_USER_PARTNER_USER_LIMIT, operatorReview: env.SUB_USER_OPERATOR_REVIEW },
      registration: {
        linkTtlMs: env.REGISTRATION_LINK_TTL_MS,
        codeTtlMs: env.CODE_TTL_MS,
        resendCooldownMs: env.CODE_RESEND_COOLDOWN_MS,
        maxAttempts: env.CODE_MAX_ATTEMPTS,
      },
    };
  }

  /**
   * The workflow did not start (Temporal unreachable): the row must not hold the
   * e-mail as pending forever. Should it have started after all, its first status
   * write restores the row.
   */
  private async releaseIfNotStarted(requestId: string, workflowId: string): Promise<void> {
    const started = await this.temporal.workflow
      .getHandle(workflowId)
      .describe()
      .then(
        () => true,
        () => false,
      );
    if (started) return;
    await this.prisma.subUserRequest.updateMany({
      where: { id: requestId, status: 'AWAITING_CONFIRMATION' },
      data: { status: 'CANCELLED', cancelReason: 'NOT_STARTED', finishedAt: new Date() },
    });
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowIdReusePolicy, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { domainError } from '@domain/domain-error';
import type { SharedEnv } from '@infra/config/env.schema';
import { PrismaService } from '@infra/prisma/prisma.service';
import { ENV } from '@infra/tokens';
import { cancelRegistrationSignal, registrationWorkflowId, type RegistrationInput } from '@workflows/registration/registration.messages';
import { Flow, FlowStatus, PartnerBin, PartnerId, UserId } from '@workflows/shared/search-attributes';
import { DomainProblem } from '../common/problem';
import { userFlowMetadata } from '../common/user-flow';

/**
 * An operator re-invites a user whose registration expired, locked or never
 * finished (§1.11): the old registration is cancelled (its link dies) and a new
 * registration workflow sends a new link.
 */
@Injectable()
export class ReinviteService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly temporal: Client,
    @Inject(ENV) private readonly env: SharedEnv,
  ) {}

  async reinvite(userId: string) {
    const user = await this.prisma.user.findUnique({
      where: { id: userId },
      include: { partner: true, registrations: { orderBy: { invitationNo: 'desc' }, take: 1 } },
    });
    if (!user) throw new DomainProblem(domainError('USER.NOT_FOUND', 'NOT_FOUND', 'no such user'));
    const last = user.registrations[0];
    if (user.status !== 'INVITED' || !last) {
      throw new DomainProblem(
        domainError('REGISTRATION.REINVITE_NOT_ALLOWED', 'CONFLICT', `only an invited user can be re-invited (user is ${user.status})`, {
          state: user.status,
        }),
      );
    }
    await this.temporal.workflow
      .getHandle(last.workflowId)
      .signal(cancelRegistrationSignal, { reason: 'REINVITED' })
      .catch(() => undefined); // already closed: nothing to cancel
    await this.prisma.registration.updateMany({
      where: { userId, status: { in: ['INVITED', 'CODE_SENT', 'CODE_VERIFIED'] } },
      data: { status: 'CANCELLED' },
    });
    const invitationNo = last.invitationNo + 1;
    const workflowId = registrationWorkflowId(userId, invitationNo);
    const input: RegistrationInput = {
      userId,
      partnerId: user.partnerId,
      partnerBin: user.partner.bin,
      invitationNo,
      linkTtlMs: this.env.REGISTRATION_LINK_TTL_MS,
      codeTtlMs: this.env.CODE_TTL_MS,
      resendCooldownMs: this.env.CODE_RESEND_COOLDOWN_MS,
      maxAttempts: this.env.CODE_MAX_ATTEMPTS,
    };
    try {
      await this.temporal.workflow.start('registrationWorkflow', {
        workflowId,
        taskQueue: this.env.TEMPORAL_TASK_QUEUE,
        args: [input],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        typedSearchAttributes: [
          { key: Flow, value: 'registration' },
          { key: PartnerId, value: user.partnerId },
          { key: PartnerBin, value: user.partner.bin },
          { key: UserId, value: userId },
          { key: FlowStatus, value: 'INVITED' },
        ],
        ...userFlowMetadata({ summary: `Registration, invitation ${invitationNo} (re-invited)`, status: 'INVITED' }, user),
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        throw new DomainProblem(domainError('REGISTRATION.REINVITE_IN_PROGRESS', 'CONFLICT', 'a re-invitation was just sent'));
      }
      throw error;
    }
    return { userId, invitationNo, status: 'INVITED' as const };
  }
}

import { Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { domainError } from '@domain/domain-error';
import { refused, success, type Outcome } from '@domain/refusal';
import { PrismaService } from '@infra/prisma/prisma.service';
import { subUserRequestStateQuery, type SubUserRequestView } from '@workflows/sub-user-request/sub-user-request.messages';
import { refusalFromTemporal } from '../common/temporal-errors';

export const requestNotFound = () => domainError('SUB_USER_REQUEST.NOT_FOUND', 'NOT_FOUND', 'No such user request.');

export type SubUserRequestRow = NonNullable<Awaited<ReturnType<SubUserRequestRepository['rowOf']>>>;

/**
 * Finds requests (a partner's own only: another partner's request is a 404, never
 * a 403) and talks to their workflows. The workflow is the truth while it runs; the
 * row mirrors it and answers once it has ended.
 */
@Injectable()
export class SubUserRequestRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly temporal: Client,
  ) {}

  rowOf(requestId: string) {
    return this.prisma.subUserRequest.findUnique({
      where: { id: requestId },
      include: {
        partner: { select: { bin: true, name: true } },
        newUser: {
          select: { id: true, status: true, registrations: { orderBy: { invitationNo: 'desc' }, take: 1, select: { status: true } } },
        },
      },
    });
  }

  /** The request, if it is this partner's (partnerId undefined: the bank's operators see every partner's). */
  async find(requestId: string, partnerId?: string): Promise<Outcome<SubUserRequestRow>> {
    const row = await this.rowOf(requestId);
    if (!row || (partnerId !== undefined && row.partnerId !== partnerId)) return refused(requestNotFound());
    return success(row);
  }

  /** The live state; null when the workflow can't be asked (then the row answers). */
  async live(row: SubUserRequestRow): Promise<SubUserRequestView | null> {
    try {
      return await this.temporal.workflow.getHandle(row.workflowId).query(subUserRequestStateQuery);
    } catch {
      return null;
    }
  }

  /**
   * An Update to the request's workflow: its answer, or the workflow's refusal. One
   * that has ended refuses with its final status (409).
   */
  async update<R, A extends unknown[]>(row: SubUserRequestRow, def: UpdateDefinition<R, A>, args: A): Promise<Outcome<R>> {
    try {
      const handle = this.temporal.workflow.getHandle(row.workflowId);
      return success(await handle.executeUpdate(def as unknown as UpdateDefinition<R, [unknown]>, { args: args as unknown as [unknown] }));
    } catch (error) {
      const refusal = refusalFromTemporal(error);
      if (refusal) return refused(refusal);
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      const now = await this.prisma.subUserRequest.findUnique({ where: { id: row.id }, select: { status: true } });
      const state = now?.status ?? row.status;
      return refused(domainError('SUB_USER_REQUEST.TRANSITION_NOT_ALLOWED', 'CONFLICT', `This request has ended (${state}).`, { state }));
    }
  }
}

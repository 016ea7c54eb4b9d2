import { Injectable, Logger } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { UserStatus } from '@domain/access-level';
import { blockUser, unblockUser } from '@domain/auth';
import { domainError } from '@domain/domain-error';
import { readLoginCounters } from '@infra/auth/login-locks';
import { AuditLog } from '../common/audit-log.service';
import { PrismaService, type Prisma } from '@infra/prisma/prisma.service';
import { flowsWaitingOnUserQuery, userBlockedSignal } from '@workflows/shared/user-blocked';
import { DomainProblem } from '../common/problem';
import type { ClientInfo } from '../common/client-info';

/** Never more than this many flows wait on one user; the cap only bounds the loop. */
const MAX_FLOWS = 1_000;

/**
 * §1.14: the bank blocks a user at once — status BLOCKED (so every guard and
 * sign-in refuses), every session revoked, every flow waiting on the user told —
 * and unblocks them back to where they were. Nothing of the partner's is deleted.
 */
@Injectable()
export class BlockingService {
  private readonly logger = new Logger(BlockingService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly temporal: Client,
    private readonly audit: AuditLog,
  ) {}

  async block(userId: string, reason: string, operatorId: string, client: ClientInfo) {
    const user = await this.findUser(userId);
    const change = blockUser(user.status);
    if (!change.ok) throw new DomainProblem(change.error);
    // The status, the revoked sessions and the record commit together or not at all (§1.15).
    await this.prisma.$transaction(async (tx) => {
      await this.setStatus(tx, user, change.status);
      const { count: sessionsRevoked } = await tx.session.updateMany({
        where: { userId, revokedAt: null },
        data: { revokedAt: new Date(), revokeReason: 'BLOCKED' },
      });
      await this.append(tx, 'user.block', user, operatorId, client, { reason, previousStatus: user.status, sessionsRevoked });
    });
    // After the commit: a flow told of a block that then rolled back would cancel for nothing.
    // Each flow told records its own resulting transition.
    const flowsTold = await this.tellFlows(userId);
    this.logger.log({ userId, flowsTold }, 'flows of a blocked user told');
    return { userId, status: change.status };
  }

  async unblock(userId: string, reason: string | undefined, operatorId: string, client: ClientInfo) {
    const user = await this.findUser(userId);
    const lock = await readLoginCounters(this.prisma, userId);
    const change = unblockUser(user.status, { registered: user.activatedAt !== null, lock, now: Date.now() });
    if (!change.ok) throw new DomainProblem(change.error);
    await this.prisma.$transaction(async (tx) => {
      await this.setStatus(tx, user, change.status);
      await this.append(tx, 'user.unblock', user, operatorId, client, { ...(reason ? { reason } : {}), status: change.status });
    });
    return { userId, status: change.status };
  }

  /** Conditional on the status read, so a racing block or unblock can't be overwritten. */
  private async setStatus(tx: Prisma.TransactionClient, user: { id: string; status: UserStatus }, status: UserStatus) {
    const { count } = await tx.user.updateMany({ where: { id: user.id, status: user.status }, data: { status } });
    if (count === 0) throw raced();
  }

  /**
   * Signals every running flow whose UserIds lists the user; each decides through
   * its machine what blocking means for it. Sign-in and recovery also check the
   * status themselves, so a flow the visibility index has not seen yet is harmless.
   */
  private async tellFlows(userId: string): Promise<number> {
    let told = 0;
    for await (const flow of this.temporal.workflow.list({ query: flowsWaitingOnUserQuery(userId) })) {
      try {
        await this.temporal.workflow.getHandle(flow.workflowId, flow.runId).signal(userBlockedSignal, { userId });
        told++;
      } catch (error) {
        // Closed between the listing and the signal: nothing left to tell.
        this.logger.warn({ err: error, workflowId: flow.workflowId }, 'could not signal a flow of a blocked user');
      }
      if (told >= MAX_FLOWS) break;
    }
    return told;
  }

  private async findUser(userId: string) {
    const user = await this.prisma.user.findUnique({ where: { id: userId }, select: { id: true, partnerId: true, status: true, activatedAt: true } });
    if (!user) throw new DomainProblem(domainError('USER.NOT_FOUND', 'NOT_FOUND', 'no such user'));
    return user;
  }

  private append(
    tx: Prisma.TransactionClient,
    action: string,
    user: { id: string; partnerId: string },
    operatorId: string,
    client: ClientInfo,
    details: Record<string, unknown>,
  ) {
    return this.audit.within(tx, { by: { operatorId, partnerId: user.partnerId }, caller: client, action, target: { type: 'USER', id: user.id }, details });
  }
}

const raced = () => new DomainProblem(domainError('USER.STATUS_CHANGED', 'CONFLICT', 'the user status changed meanwhile; read it and try again'));

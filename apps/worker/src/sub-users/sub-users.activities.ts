import { Inject, Injectable } from '@nestjs/common';
import { capAccessLevel } from '@domain/access-level';
import { isSubUserRequestStatusFinal, subUserAdmissionRefusal, subUserRequestMover, type SubUserPolicy, type SubUserRequestFacts } from '@domain/sub-user-request';
import { parsePhone } from '@domain/values/phone.value-object';
import { AuditService, type AuditEntry } from '@infra/audit/audit.service';
import type { SharedEnv } from '@infra/config/env.schema';
import { OneTimeCodes } from '@infra/codes/one-time-codes';
import { PrismaService } from '@infra/prisma/prisma.service';
import type { Mailer } from '@infra/messaging/mailer';
import { ENV, MAILER } from '@infra/tokens';
import type { SubUserCreation, SubUserRequestActivities, SubUserRequestRecord } from '@workflows/sub-user-request/sub-user-request.activities.contract';
import { subUserCodeSms } from '../messages/sub-user-templates';
import { mailSubUserRejection } from './sub-user-rejection-notice';

/** Prisma's unique-constraint violation. */
const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === 'P2002';

/**
 * Sub-user request I/O (§1.8). Activities take ids and read the new user's personal
 * data from sub_user_requests; they gather facts and the domain judges them. Each is
 * idempotent: a retry re-sends nothing, creates nothing twice, audits a change once.
 */
@Injectable()
export class SubUserActivitiesImpl implements SubUserRequestActivities {
  constructor(
    private readonly prisma: PrismaService,
    private readonly codes: OneTimeCodes,
    private readonly audit: AuditService,
    @Inject(ENV) private readonly env: SharedEnv,
    @Inject(MAILER) private readonly mailer: Mailer,
  ) {}

  async sendSubUserCode(input: { workflowId: string; creatorId: string; codeNo: number; expiresAt: string }): Promise<void> {
    const [creator, request] = await Promise.all([
      this.prisma.user.findUniqueOrThrow({ where: { id: input.creatorId } }),
      this.prisma.subUserRequest.findUniqueOrThrow({ where: { workflowId: input.workflowId }, select: { fullName: true } }),
    ]);
    await this.codes.issue({
      scope: input.workflowId,
      codeNo: input.codeNo,
      purpose: 'SUB_USER',
      phone: creator.phone,
      expiresAt: new Date(input.expiresAt),
      // Names the user being added, so the creator sees what the code confirms (§1.8.2).
      text: (code) => subUserCodeSms(creator.language, { code, ttlMs: this.env.CODE_TTL_MS, newUserName: request.fullName }),
    });
  }

  async gatherSubUserFacts(input: { requestId: string }): Promise<SubUserRequestFacts> {
    const request = await this.prisma.subUserRequest.findUniqueOrThrow({
      where: { id: input.requestId },
      include: { partner: { select: { status: true } } },
    });
    const [login, samePhone, partnerUserCount] = await Promise.all([
      this.prisma.user.findUnique({ where: { login: request.email }, select: { id: true } }),
      this.prisma.user.findFirst({ where: { phone: request.phone }, select: { id: true } }),
      this.prisma.user.count({ where: { partnerId: request.partnerId } }),
    ]);
    return {
      loginTaken: login !== null,
      phoneValid: parsePhone(request.phone).ok,
      phoneInUse: samePhone !== null,
      partnerStatus: request.partner.status,
      partnerUserCount,
    };
  }

  async createSubUser(input: { requestId: string; userId: string; policy: SubUserPolicy }): Promise<SubUserCreation> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        if (await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } })) return { created: true };
        const request = await tx.subUserRequest.findUniqueOrThrow({ where: { id: input.requestId } });
        // One creation per partner at a time, so two approvals can't both pass the user limit.
        const [partner] = await tx.$queryRaw<{ status: 'ACTIVE' | 'SUSPENDED' }[]>`
          SELECT "status" FROM "partners" WHERE "id" = ${request.partnerId}::uuid FOR UPDATE`;
        const loginTaken = (await tx.user.findUnique({ where: { login: request.email }, select: { id: true } })) !== null;
        const partnerUserCount = await tx.user.count({ where: { partnerId: request.partnerId } });
        const refusal = subUserAdmissionRefusal({ loginTaken, partnerStatus: partner!.status, partnerUserCount }, input.policy);
        if (refusal) return { created: false, reason: refusal };
        await tx.user.create({
          data: {
            id: input.userId,
            partnerId: request.partnerId,
            login: request.email,
            fullName: request.fullName,
            phone: request.phone,
            accessLevel: capAccessLevel(request.requestedAccessLevel, 'CABINET'),
            origin: 'CABINET',
            language: request.language,
          },
        });
        await tx.subUserRequest.update({ where: { id: request.id }, data: { newUserId: input.userId } });
        return { created: true };
      });
    } catch (error) {
      // The login was taken by a concurrent insert (an application, another flow) after we looked.
      if (isUniqueViolation(error)) return { created: false, reason: 'LOGIN_TAKEN' };
      throw error;
    }
  }

  async withdrawSubUser(input: { requestId: string; userId: string }): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.subUserRequest.updateMany({ where: { id: input.requestId, newUserId: input.userId }, data: { newUserId: null } });
      // Only a user nobody was invited as: once a link went out, the registration decides.
      if ((await tx.registration.count({ where: { userId: input.userId } })) > 0) return;
      await tx.user.deleteMany({ where: { id: input.userId, status: 'INVITED' } });
    });
  }

  /**
   * The row and the record of the change commit together (§1.15). One record per machine
   * state (the key makes a retry, or a rewrite of the same state, add nothing), naming whose
   * step it was: the creator's confirmation, an operator's decision, or the bank's flow.
   */
  async recordSubUserRequest(input: SubUserRequestRecord): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const row = await tx.subUserRequest.findUniqueOrThrow({
        where: { id: input.requestId },
        select: { partnerId: true, creatorId: true, finishedAt: true },
      });
      const final = isSubUserRequestStatusFinal(input.status);
      await tx.subUserRequest.update({
        where: { id: input.requestId },
        data: {
          status: input.status,
          codeExpiresAt: input.codeExpiresAt ? new Date(input.codeExpiresAt) : null,
          reviewFlags: input.reviewFlags,
          ...(input.operatorDeadline !== undefined ? { operatorDeadline: input.operatorDeadline ? new Date(input.operatorDeadline) : null } : {}),
          operatorId: input.operatorId,
          rejectReason: input.rejectReason,
          cancelReason: input.cancelReason,
          ...(input.newUserId ? { newUserId: input.newUserId } : {}),
          finishedAt: final ? (row.finishedAt ?? new Date()) : null,
        },
      });
      await this.audit.append(tx, { ...changeRecord(input, row), dedupKey: `sub-user-request/${input.requestId}/${input.state}` });
    });
    // After the commit: the mail is keyed by the request, so this step's retries send it once.
    if (input.status === 'REJECTED') await mailSubUserRejection(this.prisma, this.mailer, input.requestId);
  }
}

/** The change's record: an operator's decision or the creator's confirmation under its verb, else the status reached. */
function changeRecord(input: SubUserRequestRecord, row: { partnerId: string; creatorId: string }): AuditEntry {
  const mover = subUserRequestMover(input.state, input);
  const by: Pick<AuditEntry, 'actorType' | 'actorId' | 'action'> =
    mover === 'OPERATOR'
      ? { actorType: 'OPERATOR', actorId: input.operatorId, action: input.status === 'REJECTED' ? 'sub_user_request.reject' : 'sub_user_request.approve' }
      : mover === 'CREATOR'
        ? { actorType: 'USER', actorId: row.creatorId, action: 'sub_user_request.confirm' }
        : { actorType: 'SYSTEM', actorId: null, action: `sub_user_request.${input.status.toLowerCase()}` };
  return {
    ...by,
    partnerId: row.partnerId,
    targetType: 'SUB_USER_REQUEST',
    targetId: input.requestId,
    outcome: mover === 'BANK' && (input.status === 'REJECTED' || input.status === 'EXPIRED') ? 'FAILURE' : 'SUCCESS',
    details: {
      status: input.status,
      state: input.state,
      reviewFlags: input.reviewFlags,
      rejectReason: input.rejectReason,
      cancelReason: input.cancelReason,
      operatorId: input.operatorId,
      newUserId: input.newUserId,
    },
  };
}

import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { capAccessLevel, type AccessLevel } from '@domain/access-level';
import { domainError } from '@domain/domain-error';
import { refused, success, type Outcome } from '@domain/refusal';
import { subUserRequestCreationRefusal } from '@domain/sub-user-request';
import { PrismaService } from '@infra/prisma/prisma.service';
import { subUserRequestWorkflowId } from '@workflows/sub-user-request/sub-user-request.messages';
import type { CabinetActor } from '../../auth/cabinet-actor';
import { AuditLog } from '../../common/audit-log.service';
import type { ClientInfo } from '../../common/client-info';
import type { CreateSubUserDto } from '../dto/sub-users.dto';
import { SubUserRequestStarter } from './start-sub-user-request';

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === 'P2002';

const emailPending = () =>
  domainError('SUB_USER_REQUEST.EMAIL_PENDING', 'CONFLICT', 'A request to add a user with this e-mail is already in progress.', { field: 'email' });

/** Heard as a 503 (common/problem.ts STATUS_BY_CODE): the request is cancelled, a new one may succeed. */
const codeNotSent = () => domainError('SUB_USER_REQUEST.CODE_NOT_SENT', 'CONFLICT', 'the confirmation code could not be sent; try again shortly');

export interface SubUserRequestCreated {
  requestId: string;
  status: 'AWAITING_CONFIRMATION';
  codeExpiresAt: string | null;
  accessLevel: AccessLevel;
}

/**
 * §1.8.1–§1.8.2: records the request — its row is the only place the new user's
 * name, e-mail and phone live — and starts its workflow, answering once the code
 * has gone to the creator's phone. The database admits one pending request per
 * e-mail, so of two concurrent requests for the same e-mail one is a 409.
 */
@Injectable()
export class CreateSubUserRequestUseCase {
  constructor(
    private readonly prisma: PrismaService,
    private readonly starter: SubUserRequestStarter,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: CabinetActor, dto: CreateSubUserDto, caller: ClientInfo): Promise<Outcome<SubUserRequestCreated>> {
    const refusal = subUserRequestCreationRefusal(actor);
    if (refusal) return refused(refusal);
    const creator = await this.prisma.user.findUniqueOrThrow({
      where: { id: actor.userId },
      select: { language: true, partner: { select: { bin: true } } },
    });
    const requestId = randomUUID();
    const fact = { by: { userId: actor.userId, partnerId: actor.partnerId }, caller, action: 'sub_user_request.create' } as const;
    const requestedAccessLevel = dto.accessLevel ?? 'CREATE_AND_VIEW';
    try {
      // The request and its record commit together; what its workflow does next, it records itself.
      await this.prisma.$transaction(async (tx) => {
        await tx.subUserRequest.create({
          data: {
            id: requestId,
            partnerId: actor.partnerId,
            creatorId: actor.userId,
            workflowId: subUserRequestWorkflowId(requestId),
            fullName: dto.fullName,
            email: dto.email,
            phone: dto.phone,
            language: dto.language ?? creator.language,
            requestedAccessLevel,
          },
        });
        await this.audit.within(tx, { ...fact, target: { type: 'SUB_USER_REQUEST', id: requestId }, details: { requestedAccessLevel } });
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // No request was made, so the refusal names none.
      await this.audit.alone({ ...fact, target: null, outcome: 'FAILURE', details: { code: 'SUB_USER_REQUEST.EMAIL_PENDING' } });
      return refused(emailPending());
    }

    const sent = await this.starter.start(requestId, actor, creator.partner.bin);
    // Not sent: the workflow cancels the request (CODE_NOT_SENT) and records that.
    if (sent.status !== 'AWAITING_CONFIRMATION') return refused(codeNotSent());
    return success({
      requestId,
      status: sent.status,
      codeExpiresAt: sent.codeExpiresAt,
      /** §1.3, §1.9: whatever was asked. */
      accessLevel: capAccessLevel(requestedAccessLevel, 'CABINET'),
    });
  }
}

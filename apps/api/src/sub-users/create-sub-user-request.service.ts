import { HttpException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { capAccessLevel } from '../../../../libs/domain/src/access-level';
import { domainError } from '../../../../libs/domain/src/domain-error';
import { subUserRequestCreationRefusal } from '../../../../libs/domain/src/sub-user-request';
import { AuditService } from '../../../../libs/infra/src/audit/audit.service';
import { PrismaService } from '../../../../libs/infra/src/prisma/prisma.service';
import { subUserRequestWorkflowId } from '../../../../workflows/src/sub-user-request/sub-user-request.messages';
import type { CabinetActor } from '../auth/cabinet-actor';
import { DomainProblem, problem } from '../common/problem';
import type { ClientInfo } from '../login-protection/client-info';
import { auditContext } from './audit-context';
import type { CreateSubUserDto } from './dto/sub-users.dto';
import { SubUserRequestStarter } from './sub-user-request.starter';

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === 'P2002';

const emailPending = () =>
  new DomainProblem(
    domainError('SUB_USER_REQUEST.EMAIL_PENDING', 'CONFLICT', 'A request to add a user with this e-mail is already in progress.', {
      field: 'email',
    }),
  );

/**
 * §1.8.1–§1.8.2: records the request — its row is the only place the new user's
 * name, e-mail and phone live — and starts its workflow, answering once the code
 * has gone to the creator's phone. The database admits one pending request per
 * e-mail, so of two concurrent requests for the same e-mail one is a 409.
 */
@Injectable()
export class CreateSubUserRequestService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly starter: SubUserRequestStarter,
    private readonly audit: AuditService,
  ) {}

  async create(actor: CabinetActor, dto: CreateSubUserDto, caller: ClientInfo) {
    const refusal = subUserRequestCreationRefusal(actor);
    if (refusal) throw new DomainProblem(refusal);
    const creator = await this.prisma.user.findUniqueOrThrow({
      where: { id: actor.userId },
      select: { language: true, partner: { select: { bin: true } } },
    });
    const requestId = randomUUID();
    const record = {
      actorType: 'USER',
      actorId: actor.userId,
      partnerId: actor.partnerId,
      action: 'sub_user_request.create',
      targetType: 'SUB_USER_REQUEST',
      ...auditContext(caller),
    } as const;
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
        await this.audit.append(tx, { ...record, targetId: requestId, outcome: 'SUCCESS', details: { requestedAccessLevel } });
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      await this.audit.record({ ...record, targetId: null, outcome: 'FAILURE', details: { code: 'SUB_USER_REQUEST.EMAIL_PENDING' } });
      throw emailPending();
    }

    const sent = await this.starter.start(requestId, actor, creator.partner.bin);
    // Not sent: the workflow cancels the request (CODE_NOT_SENT) and records that.
    if (sent.status !== 'AWAITING_CONFIRMATION') {
      throw new HttpException(problem(503, 'the confirmation code could not be sent; try again shortly', { code: 'SUB_USER_REQUEST.CODE_NOT_SENT' }), 503);
    }
    return {
      requestId,
      status: sent.status,
      codeExpiresAt: sent.codeExpiresAt,
      /** §1.3, §1.9: whatever was asked. */
      accessLevel: capAccessLevel(dto.accessLevel ?? 'CREATE_AND_VIEW', 'CABINET'),
    };
  }
}

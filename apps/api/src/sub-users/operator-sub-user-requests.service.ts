import { Injectable } from '@nestjs/common';
import { capAccessLevel } from '../../../../libs/domain/src/access-level';
import { subUserRejectionView } from '../../../../libs/domain/src/sub-user-request';
import { AuditService } from '../../../../libs/infra/src/audit/audit.service';
import { PrismaService } from '../../../../libs/infra/src/prisma/prisma.service';
import { approveUpdate, rejectUpdate } from '../../../../workflows/src/sub-user-request/sub-user-request.messages';
import type { ListSubUserRequestsQuery } from './dto/sub-users.dto';
import type { ClientInfo } from '../login-protection/client-info';
import { auditContext } from './audit-context';
import { SubUserRequestStore } from './sub-user-request.store';

/**
 * The bank's operators decide the requests the checks sent them (§1.8.3). They see
 * the new user's name, e-mail and phone in full: deciding is what they need them for.
 */
@Injectable()
export class OperatorSubUserRequestsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly store: SubUserRequestStore,
    private readonly audit: AuditService,
  ) {}

  async list(query: ListSubUserRequestsQuery) {
    const rows = await this.prisma.subUserRequest.findMany({
      where: { ...(query.status ? { status: query.status } : {}), ...(query.partnerId ? { partnerId: query.partnerId } : {}) },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: query.limit,
      include: { partner: { select: { bin: true, name: true } } },
    });
    return {
      requests: rows.map((r) => ({
        requestId: r.id,
        status: r.status,
        partner: { partnerId: r.partnerId, bin: r.partner.bin, name: r.partner.name },
        creatorId: r.creatorId,
        fullName: r.fullName,
        email: r.email,
        phone: r.phone,
        accessLevel: capAccessLevel(r.requestedAccessLevel, 'CABINET'),
        requestedAccessLevel: r.requestedAccessLevel,
        reviewFlags: r.reviewFlags,
        operatorId: r.operatorId,
        rejectReason: r.rejectReason,
        /** The true reason, LOGIN_TAKEN included: the creator reads a neutral one. */
        rejection: subUserRejectionView('OPERATOR', r.rejectReason),
        cancelReason: r.cancelReason,
        newUserId: r.newUserId,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
      })),
    };
  }

  async approve(requestId: string, operatorId: string, caller: ClientInfo) {
    const row = await this.store.find(requestId);
    const result = await this.store.update(row, approveUpdate, [{ operatorId }]);
    await this.record('sub_user_request.approve', row, operatorId, caller, { status: result.status });
    return { requestId, status: result.status };
  }

  async reject(requestId: string, operatorId: string, reason: string, caller: ClientInfo) {
    const row = await this.store.find(requestId);
    const result = await this.store.update(row, rejectUpdate, [{ operatorId, reason }]);
    await this.record('sub_user_request.reject', row, operatorId, caller, { status: result.status, reason });
    return { requestId, status: result.status };
  }

  private record(action: string, row: { id: string; partnerId: string }, operatorId: string, caller: ClientInfo, details: Record<string, unknown>) {
    return this.audit.record({
      actorType: 'OPERATOR', actorId: operatorId, partnerId: row.partnerId, action,
      targetType: 'SUB_USER_REQUEST', targetId: row.id, outcome: 'SUCCESS', details, ...auditContext(caller),
    });
  }
}

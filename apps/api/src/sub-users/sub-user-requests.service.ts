import { HttpException, Injectable } from '@nestjs/common';
import { domainError } from '../../../../libs/domain/src/domain-error';
import { maskPhone, type Phone } from '../../../../libs/domain/src/values';
import { AuditService } from '../../../../libs/infra/src/audit/audit.service';
import { OneTimeCodes } from '../../../../libs/infra/src/codes/one-time-codes';
import { PrismaService } from '../../../../libs/infra/src/prisma/prisma.service';
import { CODE_NO, confirmUpdate } from '../../../../workflows/src/sub-user-request/sub-user-request.messages';
import type { CabinetActor } from '../auth/cabinet-actor';
import { DomainProblem, problem } from '../common/problem';
import type { ClientInfo } from '../login-protection/client-info';
import { auditContext } from './audit-context';
import { presentRequest } from './sub-user-request.presenter';
import { SubUserRequestStore } from './sub-user-request.store';

/** The cabinet's side of a request after it was made: confirm it (§1.8.2), follow it, list the partner's users. */
@Injectable()
export class SubUserRequestsService {
  constructor(
    private readonly store: SubUserRequestStore,
    private readonly codes: OneTimeCodes,
    private readonly audit: AuditService,
    private readonly prisma: PrismaService,
  ) {}

  /** The code is checked here against its HMAC; the workflow hears only the verdict and who gave it. */
  async confirm(actor: CabinetActor, requestId: string, code: string, caller: ClientInfo) {
    const row = await this.store.find(requestId, actor.partnerId);
    const verdict = await this.codes.check(row.workflowId, code, CODE_NO);
    if (!verdict) {
      throw new DomainProblem(domainError('SUB_USER_REQUEST.NO_CODE', 'CONFLICT', 'No confirmation code was sent for this request.', { state: row.status }));
    }
    const who = { userId: actor.userId, partnerId: actor.partnerId, accessLevel: actor.accessLevel, status: actor.status };
    const result = await this.store.update(row, confirmUpdate, [{ codeNo: verdict.codeNo, correct: verdict.correct, actor: who }]);
    // A confirmation is recorded with the request's next state, by the workflow's write of it.
    if (verdict.correct) return { status: result.status };
    await this.audit.record({
      actorType: 'USER',
      actorId: actor.userId,
      partnerId: actor.partnerId,
      action: 'sub_user_request.confirm',
      targetType: 'SUB_USER_REQUEST',
      targetId: requestId,
      outcome: 'FAILURE',
      details: { code: 'SUB_USER_REQUEST.WRONG_CODE', attemptsLeft: result.attemptsLeft, status: result.status },
      ...auditContext(caller),
    });
    const locked = result.status !== 'AWAITING_CONFIRMATION';
    throw new HttpException(
      problem(400, locked ? 'wrong code; too many wrong codes, the request is cancelled' : 'wrong code', {
        code: 'SUB_USER_REQUEST.WRONG_CODE',
        attemptsLeft: result.attemptsLeft,
        state: result.status,
        errors: [{ path: 'code', message: 'wrong code' }],
      }),
      400,
    );
  }

  async get(actor: CabinetActor, requestId: string) {
    const row = await this.store.find(requestId, actor.partnerId);
    return presentRequest(row, await this.store.live(row));
  }

  /** §1.8: the partner's users with access level and status; phones masked. */
  async listUsers(actor: CabinetActor) {
    const users = await this.prisma.user.findMany({
      where: { partnerId: actor.partnerId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        fullName: true,
        login: true,
        phone: true,
        accessLevel: true,
        status: true,
        origin: true,
        createdAt: true,
        activatedAt: true,
      },
    });
    // One page: a partner's users are bounded by its user limit (§1.8), so nextCursor is always null.
    return {
      nextCursor: null,
      items: users.map((u) => ({
        userId: u.id,
        fullName: u.fullName,
        login: u.login,
        phoneMasked: maskPhone(u.phone as Phone),
        accessLevel: u.accessLevel,
        status: u.status,
        /** APPLICATION: listed in the signed application; CABINET: added by a user (§1.8). */
        origin: u.origin,
        createdAt: u.createdAt.toISOString(),
        activatedAt: u.activatedAt?.toISOString() ?? null,
      })),
    };
  }
}

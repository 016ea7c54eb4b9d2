import { Injectable } from '@nestjs/common';
import { accountNotFound } from '../../../../libs/domain/src/ledger';
import { formatMoney } from '../../../../libs/domain/src/values/money.value-object';
import { AuditService } from '../../../../libs/infra/src/audit/audit.service';
import { PrismaService } from '../../../../libs/infra/src/prisma/prisma.service';
import type { CabinetActor } from '../auth/cabinet-actor';
import { DomainProblem } from '../common/problem';

export interface AuditContext {
  requestId: string | null;
  clientAddress: string | null;
}

/** The partner's accounts (§2.6) and the operator's blocking of an account (§2.4). */
@Injectable()
export class AccountsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: CabinetActor) {
    const accounts = await this.prisma.account.findMany({ where: { partnerId: actor.partnerId }, orderBy: [{ createdAt: 'asc' }, { iban: 'asc' }] });
    // One page: an application opens at most 50 accounts, so nextCursor is always null.
    return {
      items: accounts.map((a) => ({ iban: a.iban, currency: a.currency, balance: formatMoney(a.balanceTiyn), blocked: a.blocked })),
      nextCursor: null,
    };
  }

  /**
   * Blocks or unblocks an account: payments from a blocked account are refused at
   * execution (LEDGER.ACCOUNT_BLOCKED); money can still come in. Repeating is harmless.
   */
  async setBlocked(iban: string, blocked: boolean, operatorId: string, reason: string | undefined, ctx: AuditContext) {
    const before = await this.prisma.account.findUnique({ where: { iban }, select: { partnerId: true, blocked: true } });
    if (!before) throw new DomainProblem(accountNotFound());
    await this.prisma.$transaction(async (tx) => {
      await tx.account.update({ where: { iban }, data: { blocked } });
      await this.audit.append(tx, {
        actorType: 'OPERATOR',
        actorId: operatorId,
        partnerId: before.partnerId,
        action: blocked ? 'account.block' : 'account.unblock',
        targetType: 'ACCOUNT',
        targetId: iban,
        outcome: 'SUCCESS',
        requestId: ctx.requestId,
        clientAddress: ctx.clientAddress,
        details: { changed: before.blocked !== blocked, ...(reason ? { reason } : {}) },
      });
    });
    return { iban, blocked };
  }
}

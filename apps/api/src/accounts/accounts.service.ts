import { Injectable } from '@nestjs/common';
import { accountNotFound } from '@domain/ledger';
import { formatMoney } from '@domain/values/money.value-object';
import { AuditLog } from '../common/audit-log.service';
import { PrismaService } from '@infra/prisma/prisma.service';
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
    private readonly audit: AuditLog,
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
      await this.audit.within(tx, {
        by: { operatorId, partnerId: before.partnerId },
        caller: { requestId: ctx.requestId, address: ctx.clientAddress },
        action: blocked ? 'account.block' : 'account.unblock',
        target: { type: 'ACCOUNT', id: iban },
        details: { changed: before.blocked !== blocked, ...(reason ? { reason } : {}) },
      });
    });
    return { iban, blocked };
  }
}

import { Injectable } from '@nestjs/common';
import { accountNotFound, summarizeStatement, type StatementPeriod } from '@domain/ledger';
import { PrismaService } from '@infra/prisma/prisma.service';
import type { CabinetActor } from '../auth/cabinet-actor';
import { DomainProblem } from '../common/problem';
import type { Statement } from './statement';

/** Builds a statement of one of the partner's accounts from the ledger (§2.6). */
@Injectable()
export class StatementService {
  constructor(private readonly prisma: PrismaService) {}

  async build(actor: CabinetActor, iban: string, period: StatementPeriod): Promise<Statement> {
    const from = new Date(period.fromMs);
    const until = new Date(period.toExclusiveMs);
    // One snapshot: the opening balance and the lines must come from the same ledger state.
    const [account, before, entries] = await this.prisma.$transaction(
      [
        this.prisma.account.findFirst({ where: { iban, partnerId: actor.partnerId }, include: { partner: { select: { name: true, bin: true } } } }),
        this.prisma.ledgerEntry.findFirst({
          where: { accountIban: iban, account: { partnerId: actor.partnerId }, postedAt: { lt: from } },
          orderBy: [{ postedAt: 'desc' }, { id: 'desc' }],
          select: { balanceAfterTiyn: true },
        }),
        this.prisma.ledgerEntry.findMany({
          where: { accountIban: iban, account: { partnerId: actor.partnerId }, postedAt: { gte: from, lt: until } },
          orderBy: [{ postedAt: 'asc' }, { id: 'asc' }],
          include: { posting: true },
        }),
      ],
      { isolationLevel: 'RepeatableRead' },
    );
    if (!account) throw new DomainProblem(accountNotFound());
    const summary = summarizeStatement(before?.balanceAfterTiyn ?? 0n, entries);
    return {
      iban: account.iban,
      currency: account.currency,
      holder: account.partner,
      from,
      to: new Date(period.toExclusiveMs - 1),
      summary,
      operations: entries.map((e) => ({
        postedAt: e.postedAt,
        reference: e.postingId,
        kind: e.posting.kind,
        paymentId: e.direction === 'DEBIT' ? e.posting.paymentId : null,
        documentNumber: e.posting.documentNumber,
        direction: e.direction,
        amountTiyn: e.amountTiyn,
        balanceAfterTiyn: e.balanceAfterTiyn,
        counterparty: e.counterpartyName || e.counterpartyIban ? { name: e.counterpartyName, binIin: e.counterpartyBinIin, iban: e.counterpartyIban } : null,
        knp: e.posting.knp,
        purpose: e.posting.purpose,
      })),
    };
  }
}

import { Injectable } from '@nestjs/common';
import { capAccessLevel, type UserStatus } from '@domain/access-level';
import { success } from '@domain/refusal';
import { subUserRejectionView } from '@domain/sub-user-request';
import { PrismaService } from '@infra/prisma/prisma.service';
import { afterKeyset, decodeKeysetCursor, encodeKeysetCursor } from '../../common/keyset-cursor';
import type { ListSubUserRequestsQuery } from '../dto/sub-users.dto';

type PhoneHolder = { userId: string; fullName: string; status: UserStatus; partner: { partnerId: string; bin: string; name: string } };

/**
 * The operators' list and queue (§1.8.3), newest first. They see the new user's
 * name, e-mail and phone in full: deciding is what they need them for.
 */
@Injectable()
export class ListSubUserRequestsUseCase {
  constructor(private readonly prisma: PrismaService) {}

  async execute(query: ListSubUserRequestsQuery) {
    const after = query.cursor === undefined ? undefined : decodeKeysetCursor(query.cursor);
    const found = await this.prisma.subUserRequest.findMany({
      where: {
        ...(query.status ? { status: query.status } : {}),
        ...(query.partnerId ? { partnerId: query.partnerId } : {}),
        ...afterKeyset(after),
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: query.limit + 1,
      include: { partner: { select: { bin: true, name: true } } },
    });
    const rows = found.slice(0, query.limit);
    const holders = await this.phoneHolders(rows);
    return success({
      nextCursor: found.length > query.limit ? encodeKeysetCursor(rows[rows.length - 1]!) : null,
      items: rows.map((r) => ({
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
        /** PHONE_IN_USE: who already holds the phone (never shown to the creator). */
        phoneHolders: r.reviewFlags.includes('PHONE_IN_USE') ? (holders.get(r.phone) ?? []).filter((u) => u.userId !== r.newUserId) : [],
        operatorDecisionDeadline: r.operatorDeadline?.toISOString() ?? null,
        operatorId: r.operatorId,
        rejectReason: r.rejectReason,
        /** The true reason, LOGIN_TAKEN included: the creator reads a neutral one. */
        rejection: subUserRejectionView('OPERATOR', r.rejectReason),
        cancelReason: r.cancelReason,
        newUserId: r.newUserId,
        createdAt: r.createdAt.toISOString(),
        updatedAt: r.updatedAt.toISOString(),
      })),
    });
  }

  /** The users holding each flagged request's phone now, by phone: one query for the page. */
  private async phoneHolders(rows: { phone: string; reviewFlags: string[] }[]) {
    const phones = [...new Set(rows.filter((r) => r.reviewFlags.includes('PHONE_IN_USE')).map((r) => r.phone))];
    const byPhone = new Map<string, PhoneHolder[]>();
    if (phones.length === 0) return byPhone;
    const users = await this.prisma.user.findMany({
      where: { phone: { in: phones } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, fullName: true, phone: true, status: true, partner: { select: { id: true, bin: true, name: true } } },
    });
    for (const u of users) {
      const holder = { userId: u.id, fullName: u.fullName, status: u.status, partner: { partnerId: u.partner.id, bin: u.partner.bin, name: u.partner.name } };
      byPhone.set(u.phone, [...(byPhone.get(u.phone) ?? []), holder]);
    }
    return byPhone;
  }
}

import { Injectable } from '@nestjs/common';
import { PrismaService } from '@infra/prisma/prisma.service';
import { afterKeyset, decodeKeysetCursor, encodeKeysetCursor, type KeysetPosition } from '../common/keyset-cursor';
import { maskedContact } from '../common/masked-contact';
import type { OperatorLookupMatch, OperatorLookupQuery } from './dto/operator-lookup.dto';

type Found = OperatorLookupMatch & { position: KeysetPosition };

const partnerRef = (p: { id: string; bin: string; name: string }) => ({ partnerId: p.id, bin: p.bin, name: p.name });
const ref = { select: { id: true, bin: true, name: true } } as const;
/** Only the page position: whole rows (a user's password hash) never travel further. */
const at = (row: KeysetPosition): KeysetPosition => ({ createdAt: row.createdAt, id: row.id });
const newestFirst = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];

/**
 * The operator's look-up: by BIN the partner and its applications; by e-mail or phone the
 * users and sub-user requests that have it, of any partner. Newest first over all kinds, by
 * keyset pages on (createdAt, id). E-mails and phones are masked as in every other view:
 * the operator already knows the one they searched by.
 */
@Injectable()
export class OperatorLookupService {
  constructor(private readonly prisma: PrismaService) {}

  async find(query: OperatorLookupQuery) {
    const after = query.cursor === undefined ? undefined : decodeKeysetCursor(query.cursor);
    const take = query.limit + 1;
    const found = query.bin !== undefined ? await this.byBin(query.bin, after, take) : await this.byContact(query, after, take);
    found.sort((a, b) => b.position.createdAt.getTime() - a.position.createdAt.getTime() || (b.position.id < a.position.id ? -1 : 1));
    const rows = found.slice(0, query.limit);
    return {
      items: rows.map(({ position: _position, ...item }) => item),
      nextCursor: found.length > query.limit ? encodeKeysetCursor(rows[rows.length - 1]!.position) : null,
    };
  }

  private async byBin(bin: string, after: KeysetPosition | undefined, take: number): Promise<Found[]> {
    const partner = await this.prisma.partner.findUnique({ where: { bin } });
    if (!partner) return [];
    const applications = await this.prisma.application.findMany({ where: { partnerId: partner.id, ...afterKeyset(after) }, orderBy: newestFirst, take });
    const self: Found[] =
      after && !isAfter(partner, after)
        ? []
        : [
            {
              type: 'PARTNER',
              partnerId: partner.id,
              bin: partner.bin,
              name: partner.name,
              status: partner.status,
              createdAt: partner.createdAt.toISOString(),
              position: at(partner),
            },
          ];
    return [
      ...self,
      ...applications.map((a): Found => ({
        type: 'APPLICATION',
        applicationId: a.id,
        partner: partnerRef(partner),
        status: a.status,
        createdAt: a.createdAt.toISOString(),
        position: at(a),
      })),
    ];
  }

  private async byContact(query: OperatorLookupQuery, after: KeysetPosition | undefined, take: number): Promise<Found[]> {
    const users = await this.prisma.user.findMany({
      where: { ...(query.email !== undefined ? { login: query.email } : { phone: query.phone }), ...afterKeyset(after) },
      orderBy: newestFirst,
      take,
      include: { partner: ref },
    });
    const requests = await this.prisma.subUserRequest.findMany({
      where: { ...(query.email !== undefined ? { email: query.email } : { phone: query.phone }), ...afterKeyset(after) },
      orderBy: newestFirst,
      take,
      include: { partner: ref },
    });
    return [
      ...users.map((u): Found => ({
        type: 'USER',
        userId: u.id,
        partner: partnerRef(u.partner),
        applicationId: u.applicationId,
        fullName: u.fullName,
        ...maskedContact({ email: u.login, phone: u.phone }),
        accessLevel: u.accessLevel,
        status: u.status,
        origin: u.origin,
        createdAt: u.createdAt.toISOString(),
        position: at(u),
      })),
      ...requests.map((r): Found => ({
        type: 'SUB_USER_REQUEST',
        requestId: r.id,
        partner: partnerRef(r.partner),
        fullName: r.fullName,
        ...maskedContact({ email: r.email, phone: r.phone }),
        status: r.status,
        newUserId: r.newUserId,
        createdAt: r.createdAt.toISOString(),
        position: at(r),
      })),
    ];
  }
}

/** Whether a row comes after the cursor's position in (createdAt desc, id desc) order. */
const isAfter = (row: KeysetPosition, after: KeysetPosition) =>
  row.createdAt < after.createdAt || (row.createdAt.getTime() === after.createdAt.getTime() && row.id < after.id);

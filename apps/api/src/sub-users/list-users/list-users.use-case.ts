import { Injectable } from '@nestjs/common';
import { success } from '@domain/refusal';
import { maskPhone, type Phone } from '@domain/values';
import { PrismaService } from '@infra/prisma/prisma.service';
import type { CabinetActor } from '../../auth/cabinet-actor';

/** §1.8: the partner's users with access level and status; phones masked. */
@Injectable()
export class ListUsersUseCase {
  constructor(private readonly prisma: PrismaService) {}

  async execute(actor: CabinetActor) {
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
    return success({
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
    });
  }
}

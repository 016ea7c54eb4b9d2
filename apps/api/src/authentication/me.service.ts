import { Injectable } from '@nestjs/common';
import { permissionsFor } from '../../../../libs/domain/src/permissions';
import { maskPhone, type Phone } from '../../../../libs/domain/src/values';
import { PrismaService } from '../../../../libs/infra/src/prisma/prisma.service';
import type { CabinetActor } from '../auth/cabinet-actor';

/** `GET /v1/me`: who is signed in, for which partner, and what the domain's table lets them do (§1.2). */
@Injectable()
export class MeService {
  constructor(private readonly prisma: PrismaService) {}

  async me(actor: CabinetActor) {
    const [user, session] = await Promise.all([
      this.prisma.user.findUniqueOrThrow({ where: { id: actor.userId }, include: { partner: true } }),
      this.prisma.session.findUniqueOrThrow({ where: { id: actor.sessionId }, select: { expiresAt: true, createdAt: true } }),
    ]);
    return {
      user: {
        userId: user.id,
        login: user.login,
        fullName: user.fullName,
        phoneMasked: maskPhone(user.phone as Phone),
        language: user.language,
        status: user.status,
      },
      partner: { partnerId: user.partner.id, bin: user.partner.bin, name: user.partner.name },
      accessLevel: actor.accessLevel,
      permissions: permissionsFor(actor),
      session: { method: actor.authMethod, openedAt: session.createdAt.toISOString(), expiresAt: session.expiresAt.toISOString() },
    };
  }
}

import { Injectable } from '@nestjs/common';
import { permissionsFor } from '@domain/permissions';
import { maskPhone, type Phone } from '@domain/values';
import { PrismaService } from '@infra/prisma/prisma.service';
import type { CabinetActor } from '../cabinet-actor';

/** `GET /v1/me`: who is signed in, for which partner, and what the domain's table lets them do (§1.2). Refuses nothing. */
@Injectable()
export class MeUseCase {
  constructor(private readonly prisma: PrismaService) {}

  async execute(actor: CabinetActor) {
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

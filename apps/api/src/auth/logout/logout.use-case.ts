import { Injectable } from '@nestjs/common';
import { PrismaService } from '@infra/prisma/prisma.service';
import { AuditLog } from '../../common/audit-log.service';
import type { ClientInfo } from '../../common/client-info';
import type { CabinetActor } from '../cabinet-actor';
import { SessionService } from '../session.service';

/** Ends this session at once (§1.11), with its audit record in the same transaction. Refuses nothing. */
@Injectable()
export class LogoutUseCase {
  constructor(
    private readonly prisma: PrismaService,
    private readonly sessions: SessionService,
    private readonly audit: AuditLog,
  ) {}

  async execute(actor: CabinetActor, client: ClientInfo): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await this.sessions.revoke(tx, actor.sessionId, 'LOGOUT');
      await this.audit.within(tx, {
        by: actor,
        caller: client,
        action: 'auth.logout',
        target: { type: 'SESSION', id: actor.sessionId },
        details: { method: actor.authMethod },
      });
    });
  }
}

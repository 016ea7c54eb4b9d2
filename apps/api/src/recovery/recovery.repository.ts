import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { refused, success, type Outcome } from '@domain/refusal';
import { SecretKeys } from '@infra/crypto/secret-keys';
import { PrismaService } from '@infra/prisma/prisma.service';
import type { AuditFact } from '../common/audit-log.service';
import type { ClientInfo } from '../common/client-info';
import { LinkCodeSteps } from '../common/link-code-steps';
import { unknownRecoveryLink } from './recovery-token';

export type Recovery = NonNullable<Awaited<ReturnType<RecoveryRepository['row']>>>;

/** A password recovery by its e-mailed token, and the Updates to its workflow (§1.12). */
@Injectable()
export class RecoveryRepository {
  readonly steps: LinkCodeSteps;

  constructor(
    private readonly prisma: PrismaService,
    private readonly keys: SecretKeys,
    temporal: Client,
  ) {
    this.steps = new LinkCodeSteps(temporal, 'RECOVERY');
  }

  /** A blocked user's links are dead at once (§1.14), whatever the workflow has heard yet. */
  async find(token: string): Promise<Outcome<Recovery>> {
    const rec = await this.row(token);
    return rec && rec.user.status !== 'BLOCKED' ? success(rec) : refused(unknownRecoveryLink());
  }

  /** An Update to the recovery; a finished one refuses with the state its row recorded last. */
  update<R, A extends unknown[]>(rec: Recovery, def: UpdateDefinition<R, A>, args: A): Promise<Outcome<R>> {
    return this.steps.update(rec.workflowId, def, args, async () => {
      const row = await this.prisma.passwordRecovery.findUnique({ where: { id: rec.id }, select: { status: true } });
      return row?.status ?? rec.status;
    });
  }

  /** The new password's hash waits on the row until the workflow accepts it and the worker applies it. */
  async storePendingHash(rec: Recovery, pendingPasswordHash: string): Promise<void> {
    await this.prisma.passwordRecovery.update({ where: { id: rec.id }, data: { pendingPasswordHash } });
  }

  private row(token: string) {
    return this.prisma.passwordRecovery.findUnique({
      where: { tokenHash: this.keys.hashToken(token) },
      include: { user: { select: { login: true, phone: true, status: true, partnerId: true } } },
    });
  }
}

/** A recovery step for the audit trail (§1.15): ids and outcomes, never the token, code or password. */
export const recoveryStep = (rec: Recovery, action: string, ok: boolean, client: ClientInfo): AuditFact => ({
  by: { userId: rec.userId, partnerId: rec.user.partnerId },
  caller: client,
  action,
  target: { type: 'RECOVERY', id: rec.workflowId },
  outcome: ok ? 'SUCCESS' : 'FAILURE',
});

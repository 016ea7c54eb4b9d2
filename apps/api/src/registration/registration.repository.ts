import { Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { refused, success, type Outcome } from '@domain/refusal';
import { SecretKeys } from '@infra/crypto/secret-keys';
import { PrismaService } from '@infra/prisma/prisma.service';
import { LinkCodeSteps } from '../common/link-code-steps';
import { unknownLink } from './registration-token';

export type Registration = NonNullable<Awaited<ReturnType<RegistrationRepository['row']>>>;

/** A registration by its e-mailed token, and the Updates to its workflow (§1.5–§1.7). */
@Injectable()
export class RegistrationRepository {
  readonly steps: LinkCodeSteps;

  constructor(
    private readonly prisma: PrismaService,
    private readonly keys: SecretKeys,
    temporal: Client,
  ) {
    this.steps = new LinkCodeSteps(temporal, 'REGISTRATION');
  }

  async find(token: string): Promise<Outcome<Registration>> {
    const reg = await this.row(token);
    return reg ? success(reg) : refused(unknownLink());
  }

  /** An Update to the registration; a finished one refuses with the state its row recorded last. */
  update<R, A extends unknown[]>(reg: Registration, def: UpdateDefinition<R, A>, args: A): Promise<Outcome<R>> {
    return this.steps.update(reg.workflowId, def, args, async () => {
      const row = await this.prisma.registration.findUnique({ where: { workflowId: reg.workflowId }, select: { status: true } });
      return row?.status ?? reg.status;
    });
  }

  /** The user keeps the hash while still INVITED (unusable for login); the workflow then activates. */
  async storePassword(reg: Registration, passwordHash: string): Promise<void> {
    await this.prisma.user.update({ where: { id: reg.userId }, data: { passwordHash, passwordSetAt: new Date() } });
  }

  private row(token: string) {
    return this.prisma.registration.findUnique({
      where: { tokenHash: this.keys.hashToken(token) },
      include: { user: { select: { login: true, phone: true } } },
    });
  }
}

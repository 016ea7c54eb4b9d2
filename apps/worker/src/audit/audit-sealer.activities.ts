import { Inject, Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { createPublicKey } from 'node:crypto';
import { Logger } from 'nestjs-pino';
import { auditSigningKey } from '@infra/audit/audit-keys';
import { AuditSealer, exportLatestCheckpoint } from '@infra/audit/audit-sealer';
import { PrismaService } from '@infra/prisma/prisma.service';
import { ENV } from '@infra/tokens';
import type { AuditSealerActivities, AuditSealerRun } from '@workflows/audit/audit-sealer.activities.contract';
import type { WorkerEnv } from '../config/worker-env';

/** Fixed `alert` value: sealing failed (it is retried at the next interval; records wait, none is lost). */
export const AUDIT_SEAL_FAILED = 'AUDIT_SEAL_FAILED';

/** The sealer's loop (§1.15); the workflow `audit-sealer` keeps exactly one running in the cluster. */
@Injectable()
export class AuditSealerActivitiesImpl implements AuditSealerActivities {
  private readonly sealer: AuditSealer;
  private readonly publicKey;

  constructor(
    private readonly prisma: PrismaService,
    @Inject(ENV) private readonly env: WorkerEnv,
    private readonly logger: Logger,
  ) {
    const privateKey = auditSigningKey(env);
    this.publicKey = createPublicKey(privateKey);
    this.sealer = new AuditSealer(prisma, { privateKey, name: env.AUDIT_KEY_NAME });
  }

  /**
   * Set by the worker (an instance property, so not an activity): once it says stop — the worker
   * is shutting down — the run ends within one interval and the workflow schedules the next on a
   * worker that still polls. Core would cancel a running activity only after the shutdown grace.
   */
  readonly stopWhen = (check: () => boolean): void => {
    this.stopping = check;
  };
  private stopping: () => boolean = () => false;

  async runAuditSealer({ runForMs }: { runForMs: number }): Promise<AuditSealerRun> {
    const ctx = Context.current();
    const until = Date.now() + runForMs;
    const run: AuditSealerRun = { seals: 0, sealed: 0, treeSize: 0 };
    while (Date.now() < until && !this.stopping()) {
      await this.sealAndExport(run, () => ctx.heartbeat(run));
      ctx.heartbeat(run); // also when the seal failed: this run stays the one sealer and keeps trying
      await ctx.sleep(this.env.AUDIT_SEAL_INTERVAL_MS); // rejects when cancelled (the workflow ended, heartbeat timeout)
    }
    return run;
  }

  /** Seals until nothing waits (a backlog in bounded batches, heartbeating after each), then exports. */
  private async sealAndExport(run: AuditSealerRun, heartbeat: () => void): Promise<void> {
    try {
      let result;
      do {
        result = await this.sealer.seal();
        run.seals++;
        run.sealed += result.sealed;
        run.treeSize = result.treeSize;
        heartbeat();
      } while (result.more);
      // Every time, not only after signing: a checkpoint another sealer signed (a handover) is exported
      // too, and an export the sink refused is tried again, alerting until someone looks.
      await exportLatestCheckpoint(
        this.prisma,
        this.env.AUDIT_CHECKPOINT_DIR,
        { publicKey: this.publicKey, name: this.env.AUDIT_KEY_NAME },
        {
          error: (fields, msg) => this.logger.error({ ...fields, msg }),
        },
      );
    } catch (error) {
      this.logger.error({ alert: AUDIT_SEAL_FAILED, error: (error as Error).message, msg: 'audit seal failed; retrying at the next interval' });
    }
  }
}

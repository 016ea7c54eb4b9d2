import { Inject, Injectable } from '@nestjs/common';
import { Context } from '@temporalio/activity';
import { auditRetentionMs } from '@domain/audit';
import { AuditRetention } from '@infra/audit/audit-retention';
import { AuditService } from '@infra/audit/audit.service';
import { PrismaService } from '@infra/prisma/prisma.service';
import { ENV } from '@infra/tokens';
import type { AuditActivities, TransitionRecord } from '@workflows/shared/audit.activities.contract';
import type { AuditPurgeResult, AuditRetentionActivities } from '@workflows/audit/audit-retention.activities.contract';
import type { WorkerEnv } from '../config/worker-env';
import { transitionEntry } from './transition-entry';

/** The audit trail's side of every workflow (§1.15): transitions in, expired records out. */
@Injectable()
export class AuditActivitiesImpl implements AuditActivities, AuditRetentionActivities {
  private readonly retention: AuditRetention;

  constructor(
    prisma: PrismaService,
    private readonly audit: AuditService,
    @Inject(ENV) private readonly env: WorkerEnv,
  ) {
    this.retention = new AuditRetention(prisma, audit);
  }

  /**
   * Keyed by the activity's own id within its workflow run, which a retry keeps:
   * a retry after a crash between commit and completion writes nothing twice.
   */
  async recordTransition(input: TransitionRecord): Promise<void> {
    const { workflowExecution, activityId } = Context.current().info;
    const run = workflowExecution ? `${workflowExecution.workflowId}/${workflowExecution.runId}` : input.workflowId;
    await this.audit.record(transitionEntry(input, `transition/${run}/${activityId}`));
  }

  async purgeExpiredAuditRecords(): Promise<AuditPurgeResult> {
    return this.retention.purge(this.env.AUDIT_RETENTION_MS ?? auditRetentionMs(this.env.AUDIT_RETENTION_DAYS));
  }
}

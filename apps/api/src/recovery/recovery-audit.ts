import { Injectable } from '@nestjs/common';
import { AuditService } from '../../../../libs/infra/src/audit/audit.service';
import type { ClientInfo } from '../login-protection/client-info';

/** Audit records of recovery steps (§1.15): ids and outcomes, never the token, code or password. */
@Injectable()
export class RecoveryAudit {
  constructor(private readonly audit: AuditService) {}

  record(rec: { userId: string; workflowId: string; user: { partnerId: string } }, action: string, ok: boolean, client: ClientInfo) {
    return this.audit.record({
      actorType: 'USER',
      actorId: rec.userId,
      partnerId: rec.user.partnerId,
      action,
      targetType: 'RECOVERY',
      targetId: rec.workflowId,
      outcome: ok ? 'SUCCESS' : 'FAILURE',
      requestId: client.requestId,
      clientAddress: client.address,
    });
  }
}

import { Module, type DynamicModule } from '@nestjs/common';
import { OperatorAuthGuard } from '../operator/operator-auth.guard';
import { AuditController, OperatorAuditController } from './audit.controller';
import { AuditQueryService } from './audit-query.service';
import { OperatorAuditProofController } from './audit-proof.controller';
import { AuditProofService } from './audit-proof.service';

/** The audit trail (§1.15): partners and operators read it; every state-changing call is recorded by auditTrail at the HTTP edge. */
@Module({})
export class AuditModule {
  static forRoot(): DynamicModule {
    return {
      module: AuditModule,
      controllers: [AuditController, OperatorAuditController, OperatorAuditProofController],
      providers: [AuditQueryService, AuditProofService, OperatorAuthGuard],
    };
  }
}

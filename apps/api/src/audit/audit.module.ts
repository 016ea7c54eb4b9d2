import { Module, type DynamicModule } from '@nestjs/common';
import { OperatorAuthGuard } from '../operator/operator-auth.guard';
import { AuditController, OperatorAuditController } from './audit.controller';
import { AuditQueryService } from './audit-query.service';

/** The audit trail (§1.15): partners and operators read it; every state-changing call is recorded by auditTrail at the HTTP edge. */
@Module({})
export class AuditModule {
  static forRoot(): DynamicModule {
    return {
      module: AuditModule,
      controllers: [AuditController, OperatorAuditController],
      providers: [AuditQueryService, OperatorAuthGuard],
    };
  }
}

import { Module, RequestMethod, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { OperatorAuthGuard } from '../operator/operator-auth.guard';
import { AuditController, OperatorAuditController } from './audit.controller';
import { AuditQueryService } from './audit-query.service';
import { AuditTrailMiddleware } from './audit-trail.middleware';

/** The audit trail (§1.15): every state-changing call recorded; partners and operators read it. */
@Module({})
export class AuditModule implements NestModule {
  static forRoot(): DynamicModule {
    return {
      module: AuditModule,
      controllers: [AuditController, OperatorAuditController],
      providers: [AuditQueryService, OperatorAuthGuard],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(AuditTrailMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}

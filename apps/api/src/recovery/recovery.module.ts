import { Module, type DynamicModule } from '@nestjs/common';
import { LoginProtectionModule } from '../login-protection/login-protection.module';
import { RecoveryAudit } from './recovery-audit';
import { RecoveryRequestService } from './recovery-request.service';
import { RecoveryController } from './recovery.controller';
import { RecoveryService } from './recovery.service';

/** Password recovery by e-mailed link and SMS code (§1.12). */
@Module({})
export class RecoveryModule {
  static forRoot(): DynamicModule {
    return {
      module: RecoveryModule,
      imports: [LoginProtectionModule],
      controllers: [RecoveryController],
      providers: [RecoveryRequestService, RecoveryService, RecoveryAudit],
    };
  }
}

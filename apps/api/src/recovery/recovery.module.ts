import { Module, type DynamicModule } from '@nestjs/common';
import { LoginProtectionModule } from '../auth/protection/login-protection.module';
import { RecoveryController } from './recovery.controller';
import { RecoveryRepository } from './recovery.repository';
import { RequestRecoveryCodeUseCase } from './request-code/request-recovery-code.use-case';
import { RequestRecoveryUseCase } from './request/request-recovery.use-case';
import { SetRecoveryPasswordUseCase } from './set-password/set-recovery-password.use-case';
import { VerifyRecoveryCodeUseCase } from './verify-code/verify-recovery-code.use-case';
import { RecoveryViewUseCase } from './view/recovery-view.use-case';

/** Password recovery by e-mailed link and SMS code (§1.12). */
@Module({})
export class RecoveryModule {
  static forRoot(): DynamicModule {
    return {
      module: RecoveryModule,
      imports: [LoginProtectionModule],
      controllers: [RecoveryController],
      providers: [
        RecoveryRepository,
        RequestRecoveryUseCase,
        RecoveryViewUseCase,
        RequestRecoveryCodeUseCase,
        VerifyRecoveryCodeUseCase,
        SetRecoveryPasswordUseCase,
      ],
    };
  }
}

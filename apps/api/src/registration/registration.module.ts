import { Module, type DynamicModule } from '@nestjs/common';
import { LoginProtectionModule } from '../auth/protection/login-protection.module';
import { OperatorAuthGuard } from '../operator/operator-auth.guard';
import { RegistrationController } from './registration.controller';
import { RegistrationRepository } from './registration.repository';
import { ReinviteController } from './reinvite.controller';
import { ReinviteService } from './reinvite.service';
import { RequestRegistrationCodeUseCase } from './request-code/request-registration-code.use-case';
import { SetRegistrationPasswordUseCase } from './set-password/set-registration-password.use-case';
import { VerifyRegistrationCodeUseCase } from './verify-code/verify-registration-code.use-case';
import { RegistrationViewUseCase } from './view/registration-view.use-case';

/** The invitee's registration by link and SMS code (§1.5–§1.7), and an operator's re-invitation (§1.11). */
@Module({})
export class RegistrationModule {
  static forRoot(): DynamicModule {
    return {
      module: RegistrationModule,
      imports: [LoginProtectionModule],
      controllers: [RegistrationController, ReinviteController],
      providers: [
        RegistrationRepository,
        RegistrationViewUseCase,
        RequestRegistrationCodeUseCase,
        VerifyRegistrationCodeUseCase,
        SetRegistrationPasswordUseCase,
        ReinviteService,
        OperatorAuthGuard,
      ],
    };
  }
}

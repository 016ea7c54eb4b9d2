import { Module, type DynamicModule } from '@nestjs/common';
import { RegistrationController } from './registration.controller';
import { RegistrationService } from './registration.service';
import { ReinviteController } from './reinvite.controller';
import { ReinviteService } from './reinvite.service';
import { OperatorAuthGuard } from '../operator/operator-auth.guard';

@Module({})
export class RegistrationModule {
  static forRoot(): DynamicModule {
    return {
      module: RegistrationModule,
      controllers: [RegistrationController, ReinviteController],
      providers: [RegistrationService, ReinviteService, OperatorAuthGuard],
    };
  }
}

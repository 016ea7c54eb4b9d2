import { Module, type DynamicModule } from '@nestjs/common';
import { OperatorAuthGuard } from '../operator/operator-auth.guard';
import { ApplicationsController } from './applications.controller';
import { ApplicationsService } from './applications.service';

@Module({})
export class ApplicationsModule {
  static forRoot(): DynamicModule {
    return { module: ApplicationsModule, controllers: [ApplicationsController], providers: [ApplicationsService, OperatorAuthGuard] };
  }
}

import { Module, type DynamicModule } from '@nestjs/common';
import { OperatorAuthGuard } from '../operator/operator-auth.guard';
import { OperatorLookupController } from './operator-lookup.controller';
import { OperatorLookupService } from './operator-lookup.service';

/** The operator look-up by BIN, e-mail or phone (issue 16). */
@Module({})
export class OperatorLookupModule {
  static forRoot(): DynamicModule {
    return {
      module: OperatorLookupModule,
      controllers: [OperatorLookupController],
      providers: [OperatorLookupService, OperatorAuthGuard],
    };
  }
}

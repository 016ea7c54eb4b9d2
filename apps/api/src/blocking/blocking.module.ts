import { Module, type DynamicModule } from '@nestjs/common';
import { OperatorAuthGuard } from '../operator/operator-auth.guard';
import { BlockingController } from './blocking.controller';
import { BlockingService } from './blocking.service';

/** Operator block and unblock of a user (§1.14). */
@Module({})
export class BlockingModule {
  static forRoot(): DynamicModule {
    return {
      module: BlockingModule,
      controllers: [BlockingController],
      providers: [BlockingService, OperatorAuthGuard],
    };
  }
}

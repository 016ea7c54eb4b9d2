import { Module, type DynamicModule } from '@nestjs/common';
import { ReceiptsController } from './receipts.controller';
import { ReceiptsService } from './receipts.service';

/** Confirming documents of executed payments, on the user's request (§2.5). */
@Module({})
export class ReceiptsModule {
  static forRoot(): DynamicModule {
    return { module: ReceiptsModule, controllers: [ReceiptsController], providers: [ReceiptsService] };
  }
}

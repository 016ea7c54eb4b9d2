import { Module, type DynamicModule } from '@nestjs/common';
import { OperatorAuthGuard } from '../operator/operator-auth.guard';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { OperatorAccountsController } from './operator-accounts.controller';
import { StatementService } from './statement.service';

/** Accounts, balances and statements (§2.6); the operator's account blocking (§2.4). */
@Module({})
export class AccountsModule {
  static forRoot(): DynamicModule {
    return {
      module: AccountsModule,
      controllers: [AccountsController, OperatorAccountsController],
      providers: [AccountsService, StatementService, OperatorAuthGuard],
    };
  }
}

import { Module, type DynamicModule } from '@nestjs/common';
import { OperatorAuthGuard } from '../operator/operator-auth.guard';
import { CreateSubUserRequestService } from './create-sub-user-request.service';
import { OperatorSubUserRequestsController } from './operator-sub-user-requests.controller';
import { OperatorSubUserRequestsService } from './operator-sub-user-requests.service';
import { SubUserRequestStarter } from './sub-user-request.starter';
import { SubUserRequestStore } from './sub-user-request.store';
import { SubUserRequestsService } from './sub-user-requests.service';
import { UsersController } from './users.controller';

/** Sub-user creation (§1.8): the cabinet's users list and requests, and the operators' decisions. */
@Module({})
export class SubUsersModule {
  static forRoot(): DynamicModule {
    return {
      module: SubUsersModule,
      controllers: [UsersController, OperatorSubUserRequestsController],
      providers: [
        CreateSubUserRequestService,
        SubUserRequestStarter,
        SubUserRequestsService,
        OperatorSubUserRequestsService,
        SubUserRequestStore,
        OperatorAuthGuard,
      ],
    };
  }
}

import { Module, type DynamicModule } from '@nestjs/common';
import { OperatorAuthGuard } from '../operator/operator-auth.guard';
import { ApproveSubUserRequestUseCase } from './approve-request/approve-sub-user-request.use-case';
import { ConfirmSubUserRequestUseCase } from './confirm-request/confirm-sub-user-request.use-case';
import { CreateSubUserRequestUseCase } from './create-request/create-sub-user-request.use-case';
import { SubUserRequestStarter } from './create-request/start-sub-user-request';
import { ListSubUserRequestsUseCase } from './list-requests/list-sub-user-requests.use-case';
import { ListUsersUseCase } from './list-users/list-users.use-case';
import { OperatorSubUserRequestsController } from './operator-sub-user-requests.controller';
import { RejectSubUserRequestUseCase } from './reject-request/reject-sub-user-request.use-case';
import { SubUserRequestRepository } from './sub-user-request.repository';
import { UsersController } from './users.controller';
import { ViewSubUserRequestUseCase } from './view-request/view-sub-user-request.use-case';

/** Sub-user creation (§1.8): the cabinet's users list and requests, and the operators' decisions. */
@Module({})
export class SubUsersModule {
  static forRoot(): DynamicModule {
    return {
      module: SubUsersModule,
      controllers: [UsersController, OperatorSubUserRequestsController],
      providers: [
        ListUsersUseCase,
        CreateSubUserRequestUseCase,
        SubUserRequestStarter,
        ConfirmSubUserRequestUseCase,
        ViewSubUserRequestUseCase,
        ListSubUserRequestsUseCase,
        ApproveSubUserRequestUseCase,
        RejectSubUserRequestUseCase,
        SubUserRequestRepository,
        OperatorAuthGuard,
      ],
    };
  }
}

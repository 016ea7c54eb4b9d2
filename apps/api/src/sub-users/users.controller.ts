import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Cabinet } from '../auth/cabinet-auth.guard';
import { CurrentActor, type CabinetActor } from '../auth/cabinet-actor';
import { Idempotent } from '../common/idempotency.interceptor';
import { UuidParam } from '../common/uuid-param';
import { Caller, type ClientInfo } from '../login-protection/client-info';
import { CreateSubUserRequestService } from './create-sub-user-request.service';
import { ConfirmSubUserDto, CreateSubUserDto } from './dto/sub-users.dto';
import { SubUserRequestsService } from './sub-user-requests.service';

/** The partner's users (§1.8): list them, and add one through a request the bank processes. */
@ApiTags('users')
@Controller('v1/users')
export class UsersController {
  constructor(
    private readonly creation: CreateSubUserRequestService,
    private readonly requests: SubUserRequestsService,
  ) {}

  @Get()
  @Cabinet('USER_VIEW')
  list(@CurrentActor() actor: CabinetActor) {
    return this.requests.listUsers(actor);
  }

  /** §1.8.1: full access only; the SMS code goes to the creator's phone (§1.8.2). Accepts Idempotency-Key. */
  @Post()
  @HttpCode(202)
  @Cabinet('USER_CREATE')
  @Idempotent()
  create(@CurrentActor() actor: CabinetActor, @Body() body: CreateSubUserDto, @Caller() caller: ClientInfo) {
    return this.creation.create(actor, body, caller);
  }

  /** §1.8.2: 400 with attemptsLeft for a wrong code; the last wrong one cancels the request. */
  @Post('requests/:requestId/confirm')
  @HttpCode(202)
  @Cabinet('USER_CREATE')
  confirm(
    @CurrentActor() actor: CabinetActor,
    @UuidParam('requestId') requestId: string,
    @Body() body: ConfirmSubUserDto,
    @Caller() caller: ClientInfo,
  ) {
    return this.requests.confirm(actor, requestId, body.code, caller);
  }

  /** Where the request is (§1.8.2–§1.8.4); another partner's request is a 404. */
  @Get('requests/:requestId')
  @Cabinet('USER_VIEW')
  get(@CurrentActor() actor: CabinetActor, @UuidParam('requestId') requestId: string) {
    return this.requests.get(actor, requestId);
  }
}

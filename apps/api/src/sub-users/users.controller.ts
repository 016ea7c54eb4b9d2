import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { ApiProblems } from '../openapi/api-problems';
import { SubUserRequestCreatedDto, SubUserRequestDto, SubUserRequestConfirmedDto, UserPageDto } from './dto/sub-user-responses.dto';
import { Cabinet } from '../auth/cabinet-auth.guard';
import { CurrentActor, type CabinetActor } from '../auth/cabinet-actor';
import { Idempotent } from '../common/idempotency.interceptor';
import { UuidParam } from '../common/uuid-param';
import { Caller, type ClientInfo } from '../common/client-info';
import { answer } from '../common/problem';
import { ConfirmSubUserRequestUseCase } from './confirm-request/confirm-sub-user-request.use-case';
import { CreateSubUserRequestUseCase } from './create-request/create-sub-user-request.use-case';
import { ConfirmSubUserDto, CreateSubUserDto } from './dto/sub-users.dto';
import { ListUsersUseCase } from './list-users/list-users.use-case';
import { ViewSubUserRequestUseCase } from './view-request/view-sub-user-request.use-case';

/** The partner's users (§1.8): list them, and add one through a request the bank processes. */
@ApiTags('users')
@Controller('v1/users')
export class UsersController {
  constructor(
    private readonly listing: ListUsersUseCase,
    private readonly creation: CreateSubUserRequestUseCase,
    private readonly confirmation: ConfirmSubUserRequestUseCase,
    private readonly viewing: ViewSubUserRequestUseCase,
  ) {}

  @ApiOperation({ summary: "List the partner's users (§1.8)" })
  @ZodResponse({ status: 200, type: UserPageDto })
  @Get()
  @Cabinet('USER_VIEW')
  async list(@CurrentActor() actor: CabinetActor) {
    return answer(await this.listing.execute(actor));
  }

  /** §1.8.1: full access only; the SMS code goes to the creator's phone (§1.8.2). Accepts Idempotency-Key. */
  @ApiOperation({ summary: 'Request a new user; an SMS code goes to the creator (§1.8.1)' })
  @ZodResponse({ status: 202, type: SubUserRequestCreatedDto })
  @ApiProblems(409, 429, 503)
  @Post()
  @HttpCode(202)
  @Cabinet('USER_CREATE')
  @Idempotent()
  async create(@CurrentActor() actor: CabinetActor, @Body() body: CreateSubUserDto, @Caller() caller: ClientInfo) {
    return answer(await this.creation.execute(actor, body, caller));
  }

  /** §1.8.2: 400 with attemptsLeft for a wrong code; the last wrong one cancels the request. */
  @ApiOperation({ summary: 'Confirm a new-user request with the SMS code (§1.8.2)' })
  @ZodResponse({ status: 202, type: SubUserRequestConfirmedDto })
  @ApiProblems(409, 410)
  @Post('requests/:requestId/confirm')
  @HttpCode(202)
  @Cabinet('USER_CREATE')
  async confirm(@CurrentActor() actor: CabinetActor, @UuidParam('requestId') requestId: string, @Body() body: ConfirmSubUserDto, @Caller() caller: ClientInfo) {
    return answer(await this.confirmation.execute(actor, requestId, body.code, caller));
  }

  /** Where the request is (§1.8.2–§1.8.4); another partner's request is a 404. */
  @ApiOperation({ summary: 'Read a new-user request (§1.8.2–§1.8.4)' })
  @ZodResponse({ status: 200, type: SubUserRequestDto })
  @Get('requests/:requestId')
  @Cabinet('USER_VIEW')
  async get(@CurrentActor() actor: CabinetActor, @UuidParam('requestId') requestId: string) {
    return answer(await this.viewing.execute(actor, requestId));
  }
}

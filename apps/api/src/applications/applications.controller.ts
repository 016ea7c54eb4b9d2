import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { ApiProblems } from '../openapi/api-problems';
import { ApplicationCreatedDto, ApplicationDto, ApplicationStatusChangeDto } from './dto/application-responses.dto';
import { Idempotent } from '../common/idempotency.interceptor';
import { UuidParam } from '../common/uuid-param';
import { OperatorAuthGuard } from '../operator/operator-auth.guard';
import { ApplicationsService } from './applications.service';
import { CreateApplicationDto } from './dto/create-application.dto';

@ApiTags('operator: applications')
@ApiBearerAuth('operator')
@UseGuards(OperatorAuthGuard)
@Controller('v1/operator/applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  /** Records a partner's application and starts its onboarding workflow. */
  @ApiOperation({ summary: "Record a partner's application and start onboarding" })
  @ZodResponse({ status: 201, type: ApplicationCreatedDto })
  @ApiProblems(409)
  @Post()
  @Idempotent()
  create(@Body() body: CreateApplicationDto) {
    return this.applications.create(body);
  }

  /** The bank signs the application (§1.5). */
  @ApiOperation({ summary: 'Sign the application for the bank (§1.5)' })
  @ZodResponse({ status: 200, type: ApplicationStatusChangeDto })
  @ApiProblems(409)
  @Post(':id/sign')
  @HttpCode(200)
  sign(@UuidParam('id') id: string) {
    return this.applications.sign(id);
  }

  /** The partner accepted the agreement (§1.5). */
  @ApiOperation({ summary: "Record the partner's acceptance of the agreement (§1.5)" })
  @ZodResponse({ status: 200, type: ApplicationStatusChangeDto })
  @ApiProblems(409)
  @Post(':id/agreement-acceptance')
  @HttpCode(200)
  accept(@UuidParam('id') id: string) {
    return this.applications.accept(id);
  }

  @ApiOperation({ summary: 'Read an application, its accounts and users' })
  @ApiResponse({ status: 200, type: ApplicationDto })
  @Get(':id')
  get(@UuidParam('id') id: string) {
    return this.applications.get(id);
  }
}

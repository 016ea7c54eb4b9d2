import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
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
  @Post()
  @Idempotent()
  create(@Body() body: CreateApplicationDto) {
    return this.applications.create(body);
  }

  /** The bank signs the application (§1.5). */
  @Post(':id/sign')
  @HttpCode(200)
  sign(@UuidParam('id') id: string) {
    return this.applications.sign(id);
  }

  /** The partner accepted the agreement (§1.5). */
  @Post(':id/agreement-acceptance')
  @HttpCode(200)
  accept(@UuidParam('id') id: string) {
    return this.applications.accept(id);
  }

  @Get(':id')
  get(@UuidParam('id') id: string) {
    return this.applications.get(id);
  }
}

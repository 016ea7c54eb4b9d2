import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { ApiProblems } from '../openapi/api-problems';
import { AliveDto, ReadyDto } from './dto/health.dto';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Connection } from '@temporalio/client';
import { PrismaService } from '@infra/prisma/prisma.service';
import type { Mailer } from '@infra/messaging/mailer';
import { MAILER } from '@infra/tokens';
import { TEMPORAL_CONNECTION } from '../temporal/temporal.module';

const within = <T>(ms: number, work: Promise<T>): Promise<T> =>
  Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);

/** Liveness (the process answers) and readiness (database, Temporal and SMTP answer). */
@ApiTags('operations')
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly prisma: PrismaService,
    @Inject(TEMPORAL_CONNECTION) private readonly temporal: Connection,
    @Inject(MAILER) private readonly mailer: Mailer,
  ) {}

  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ZodResponse({ status: 200, type: AliveDto })
  @Get('health')
  alive() {
    return { status: 'ok' as const };
  }

  @ApiOperation({ summary: 'Readiness: database, Temporal and SMTP answer' })
  @ApiResponse({ status: 200, type: ReadyDto })
  @ApiProblems(503)
  @Get('ready')
  // Our own schema (ReadyDto) and the 503 problem stand in for terminus's OpenAPI 3.0 ones.
  @HealthCheck({ swaggerDocumentation: false })
  ready() {
    return this.health.check([
      () => this.probe('database', () => this.prisma.$queryRaw`SELECT 1`),
      () =>
        this.probe('temporal', async () => {
          await this.temporal.ensureConnected();
          await this.temporal.healthService.check({});
        }),
      () => this.probe('smtp', () => this.mailer.verify()),
    ]);
  }

  private async probe(key: string, check: () => Promise<unknown>) {
    const indicator = this.indicator.check(key);
    try {
      await within(3000, check());
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}

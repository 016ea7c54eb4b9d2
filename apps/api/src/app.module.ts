import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { ZodValidationPipe } from 'nestjs-zod';
import { InfraModule } from '@infra/infra.module';
import { loggerOptions } from '@infra/logging/logger-options';
import { ProblemFilter } from './common/problem.filter';
import type { ApiEnv } from './config/api-env';
import { AuthCoreModule } from './auth/auth-core.module';
import { FlowPartiesModule } from './common/flow-parties.module';
import { HealthModule } from './health/health.module';
import { MetricsModule } from './observability/metrics.module';
import { TemporalModule } from './temporal/temporal.module';
import { FEATURE_MODULES } from './features';

@Module({})
export class AppModule {
  static forRoot(env: ApiEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(loggerOptions(env.LOG_LEVEL, 'api')),
        InfraModule.forRoot(env),
        TemporalModule.forRoot(env),
        AuthCoreModule,
        FlowPartiesModule,
        HealthModule,
        MetricsModule.forRoot(env),
        ...FEATURE_MODULES.map((feature) => feature.forRoot(env)),
      ],
      providers: [
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}

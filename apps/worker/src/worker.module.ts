import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { InfraModule } from '../../../libs/infra/src/infra.module';
import { loggerOptions } from '../../../libs/infra/src/logging/logger-options';
import type { WorkerEnv } from './config/worker-env';
import { OnboardingActivitiesImpl } from './onboarding/onboarding.activities';
import { RegistrationActivitiesImpl } from './registration/registration.activities';

/** Every activity class the worker hosts; their public methods become activities. */
export const ACTIVITY_CLASSES = [OnboardingActivitiesImpl, RegistrationActivitiesImpl] as const;

@Module({})
export class WorkerModule {
  static forRoot(env: WorkerEnv): DynamicModule {
    return {
      module: WorkerModule,
      imports: [LoggerModule.forRoot(loggerOptions(env.LOG_LEVEL, 'worker')), InfraModule.forRoot(env)],
      providers: [...ACTIVITY_CLASSES],
    };
  }
}

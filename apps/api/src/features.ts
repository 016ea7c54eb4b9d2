import type { DynamicModule } from '@nestjs/common';
import { ApplicationsModule } from './applications/applications.module';
import type { ApiEnv } from './config/api-env';
import { RegistrationModule } from './registration/registration.module';
import { SecurityModule } from './security/security.module';

/** Every cabinet and operator feature module, each configured from the validated environment. */
export const FEATURE_MODULES: { forRoot(env: ApiEnv): DynamicModule }[] = [
  ApplicationsModule,
  RegistrationModule,
  SecurityModule,
];

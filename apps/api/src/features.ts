import type { DynamicModule } from '@nestjs/common';
import { AccountsModule } from './accounts/accounts.module';
import { ApplicationsModule } from './applications/applications.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { BlockingModule } from './blocking/blocking.module';
import { CodecModule } from './codec/codec.module';
import { IdempotencyModule } from './common/idempotency.module';
import { OperatorLookupModule } from './operator-lookup/operator-lookup.module';
import type { ApiEnv } from './config/api-env';
import { PaymentsModule } from './payments/payments.module';
import { ReceiptsModule } from './receipts/receipts.module';
import { RecoveryModule } from './recovery/recovery.module';
import { RegistrationModule } from './registration/registration.module';
import { SubUsersModule } from './sub-users/sub-users.module';

/** Every cabinet and operator feature module, each configured from the validated environment. */
export const FEATURE_MODULES: { forRoot(env: ApiEnv): DynamicModule }[] = [
  IdempotencyModule,
  ApplicationsModule,
  AccountsModule,
  ReceiptsModule,
  RegistrationModule,
  AuthModule,
  RecoveryModule,
  BlockingModule,
  OperatorLookupModule,
  SubUsersModule,
  PaymentsModule,
  AuditModule,
  CodecModule,
];

import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { InfraModule } from '@infra/infra.module';
import { loggerOptions } from '@infra/logging/logger-options';
import type { WorkerEnv } from './config/worker-env';
import { AuditActivitiesImpl } from './audit/audit.activities';
import { AuditSealerActivitiesImpl } from './audit/audit-sealer.activities';
import { CoreBankingActivitiesImpl } from './core-banking/core-banking.activities';
import { OnboardingActivitiesImpl } from './onboarding/onboarding.activities';
import { RegistrationActivitiesImpl } from './registration/registration.activities';
import { LoginActivitiesImpl } from './login/login.activities';
import { RecoveryActivitiesImpl } from './recovery/recovery.activities';
import { SubUserActivitiesImpl } from './sub-users/sub-users.activities';
import { ApprovalPolicyActivitiesImpl } from './payments/approval-policy.activities';
import { PaymentActivitiesImpl } from './payments/payments.activities';
import { ReceiptActivitiesImpl } from './receipts/receipts.activities';

/** Every activity class the worker hosts; their public methods become activities. */
export const ACTIVITY_CLASSES = [
  AuditActivitiesImpl,
  AuditSealerActivitiesImpl,
  OnboardingActivitiesImpl,
  RegistrationActivitiesImpl,
  CoreBankingActivitiesImpl,
  LoginActivitiesImpl,
  RecoveryActivitiesImpl,
  SubUserActivitiesImpl,
  PaymentActivitiesImpl,
  ApprovalPolicyActivitiesImpl,
  ReceiptActivitiesImpl,
] as const;

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

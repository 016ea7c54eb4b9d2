import { Global, Module, type DynamicModule, type OnApplicationShutdown, Inject } from '@nestjs/common';
import type { SharedEnv } from './config/env.schema';
import { AuditService } from './audit/audit.service';
import { OneTimeCodes } from './codes/one-time-codes';
import { PasswordHasher } from './crypto/password-hasher';
import { SecretKeys } from './crypto/secret-keys';
import { Mailer } from './messaging/mailer';
import { HttpSmsSender, SmtpSmsSender, type SmsSender } from './messaging/sms';
import { PrismaService } from './prisma/prisma.service';
import { ENV, MAILER, SMS_SENDER } from './tokens';

/** Database, secrets, mail and SMS for whichever process imports it. */
@Global()
@Module({})
export class InfraModule implements OnApplicationShutdown {
  constructor(@Inject(MAILER) private readonly mailer: Mailer) {}

  static forRoot(env: SharedEnv): DynamicModule {
    return {
      module: InfraModule,
      providers: [
        { provide: ENV, useValue: env },
        { provide: PrismaService, useFactory: () => new PrismaService(env.DATABASE_URL, env.DATABASE_POOL_SIZE, env.DATABASE_CONNECT_TIMEOUT_MS) },
        { provide: SecretKeys, useFactory: () => new SecretKeys(env.APP_SECRET) },
        AuditService,
        OneTimeCodes,
        {
          provide: PasswordHasher,
          useFactory: () =>
            new PasswordHasher({
              memoryKiB: env.PASSWORD_HASH_MEMORY_KIB,
              iterations: env.PASSWORD_HASH_ITERATIONS,
              parallelism: env.PASSWORD_HASH_PARALLELISM,
            }),
        },
        {
          provide: MAILER,
          inject: [PrismaService],
          useFactory: (prisma: PrismaService) => new Mailer(env.SMTP_URL, env.MAIL_FROM, prisma),
        },
        {
          provide: SMS_SENDER,
          inject: [PrismaService],
          useFactory: (prisma: PrismaService): SmsSender =>
            env.SMS_PROVIDER === 'http'
              ? new HttpSmsSender(env.SMS_HTTP_URL!, env.SMS_HTTP_TOKEN, env.SMS_SENDER, prisma)
              : new SmtpSmsSender(new Mailer(env.SMTP_URL, env.MAIL_FROM, prisma, 'SMS'), env.SMS_SMTP_DOMAIN),
        },
      ],
      exports: [ENV, PrismaService, SecretKeys, PasswordHasher, AuditService, OneTimeCodes, MAILER, SMS_SENDER],
    };
  }

  onApplicationShutdown(): void {
    this.mailer.close();
  }
}

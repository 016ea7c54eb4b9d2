import { Global, Module, type DynamicModule } from '@nestjs/common';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { IdempotencyStore } from './idempotency.repository';

/** Makes `@Idempotent()` usable on any controller: its interceptor and store are global. */
@Global()
@Module({})
export class IdempotencyModule {
  static forRoot(): DynamicModule {
    return { module: IdempotencyModule, providers: [IdempotencyStore, IdempotencyInterceptor], exports: [IdempotencyStore, IdempotencyInterceptor] };
  }
}

import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { SharedEnv } from '@infra/config/env.schema';
import { temporalConnectionOptions } from '@infra/temporal/connection-options';
import { EncryptionCodec } from '@infra/temporal/encryption-codec';
import { clientTracingInterceptors } from '@infra/observability/temporal-tracing';

export const TEMPORAL_CONNECTION = Symbol('TEMPORAL_CONNECTION');

/** The API's Temporal client. The connection is lazy so the API starts (and /ready tells) when Temporal is down. */
@Global()
@Module({})
export class TemporalModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CONNECTION) private readonly connection: Connection) {}

  static forRoot(env: SharedEnv): DynamicModule {
    return {
      module: TemporalModule,
      providers: [
        { provide: TEMPORAL_CONNECTION, useFactory: () => Connection.lazy(temporalConnectionOptions(env)) },
        { provide: EncryptionCodec, useFactory: () => EncryptionCodec.fromSpec(env.PAYLOAD_KEYS) },
        {
          provide: Client,
          inject: [TEMPORAL_CONNECTION, EncryptionCodec],
          // Payloads (inputs, results, memo) are encrypted before they reach Temporal.
          useFactory: (connection: Connection, codec: EncryptionCodec) =>
            // With tracing on, the caller's trace context rides in the workflow headers.
            new Client({ connection, namespace: env.TEMPORAL_NAMESPACE, dataConverter: { payloadCodecs: [codec] }, interceptors: clientTracingInterceptors() }),
        },
      ],
      exports: [TEMPORAL_CONNECTION, Client, EncryptionCodec],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close();
  }
}

import { Inject, Injectable, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Registry } from 'prom-client';
import { registerAuditSealLag } from '@infra/observability/audit-seal-lag';
import { metricsRegistry } from '@infra/observability/metrics';
import { startOpsEndpoint, type OpsEndpoint } from '@infra/observability/metrics-endpoint';
import { PrismaService } from '@infra/prisma/prisma.service';
import type { ApiEnv } from '../config/api-env';

const METRICS_ENV = Symbol('METRICS_ENV');

/**
 * Prometheus text at `GET /metrics` on METRICS_HOST:METRICS_PORT — a listener apart from the
 * cabinet-facing PORT, loopback by default — with the process's series (http-metrics.ts,
 * Node's own) and the audit seal lag read from the database at each scrape.
 */
@Injectable()
export class ApiMetricsEndpoint implements OnApplicationBootstrap, OnApplicationShutdown {
  private endpoint?: OpsEndpoint;
  private readonly appRegistry = new Registry();

  constructor(
    @Inject(METRICS_ENV) private readonly env: Pick<ApiEnv, 'METRICS_HOST' | 'METRICS_PORT'>,
    prisma: PrismaService,
  ) {
    registerAuditSealLag(this.appRegistry, prisma);
  }

  /** Where it listens, e.g. `http://127.0.0.1:9464`. */
  get url(): string | undefined {
    return this.endpoint?.url;
  }

  async onApplicationBootstrap(): Promise<void> {
    const registries = Registry.merge([metricsRegistry, this.appRegistry]);
    this.endpoint = await startOpsEndpoint(this.env.METRICS_HOST, this.env.METRICS_PORT, {
      '/metrics': async () => ({ status: 200, body: await registries.metrics(), contentType: registries.contentType }),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.endpoint?.close();
  }
}

@Module({})
export class MetricsModule {
  static forRoot(env: ApiEnv): DynamicModule {
    return { module: MetricsModule, providers: [{ provide: METRICS_ENV, useValue: env }, ApiMetricsEndpoint], exports: [ApiMetricsEndpoint] };
  }
}

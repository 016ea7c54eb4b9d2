import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../../../prisma/generated/prisma/client';

/**
 * The Prisma client over the `pg` driver adapter (Prisma 7: no Rust query engine).
 * One per process; closed on shutdown so in-flight queries finish first.
 *
 * `connectTimeoutMs` bounds the wait for a pooled connection: without it a database
 * that stops answering (a partition) leaves every request hanging, and the adapter
 * leaks each connection that arrives after Prisma gave up starting a transaction —
 * after an outage the pool would stay exhausted. It must stay below the transactions'
 * `maxWait` (Prisma's default 2 s).
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(databaseUrl: string, poolSize = 10, connectTimeoutMs = 1_500) {
    super({ adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize, connectionTimeoutMillis: connectTimeoutMs }) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}

export function createPrisma(databaseUrl: string, poolSize = 10, connectTimeoutMs = 1_500): PrismaService {
  return new PrismaService(databaseUrl, poolSize, connectTimeoutMs);
}

export type { PrismaClient };
export * from '../../../../prisma/generated/prisma/client';

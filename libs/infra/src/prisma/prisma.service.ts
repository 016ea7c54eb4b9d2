import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../../../prisma/generated/prisma/client';

/**
 * The Prisma client over the `pg` driver adapter (Prisma 7: no Rust query engine).
 * One per process; closed on shutdown so in-flight queries finish first.
 */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(databaseUrl: string, poolSize = 10) {
    super({ adapter: new PrismaPg({ connectionString: databaseUrl, max: poolSize }) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}

export function createPrisma(databaseUrl: string, poolSize = 10): PrismaService {
  return new PrismaService(databaseUrl, poolSize);
}

export type { PrismaClient };
export * from '../../../../prisma/generated/prisma/client';

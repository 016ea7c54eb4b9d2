import { Inject, Injectable } from '@nestjs/common';
import { domainError } from '@domain/domain-error';
import { Prisma, PrismaService } from '@infra/prisma/prisma.service';
import { ENV } from '@infra/tokens';
import type { ApiEnv } from '../config/api-env';
import { DomainProblem } from './problem';

export type Claim = { kind: 'first' } | { kind: 'replay'; status: number; body: unknown };

/** How long a duplicate waits for the first request's answer before hearing "still in progress". */
const WAIT_MS = 15_000;
const POLL_MS = 100;
/** A claim this old without an answer belongs to a process that died mid-request: the next request takes over. */
const ABANDONED_MS = 120_000;

const keyReused = () =>
  new DomainProblem(domainError('IDEMPOTENCY.KEY_REUSED', 'UNPROCESSABLE', 'This Idempotency-Key was used for a different request; use a new key.'));
const inProgress = () =>
  new DomainProblem(
    domainError('IDEMPOTENCY.IN_PROGRESS', 'CONFLICT', 'A request with this Idempotency-Key is still being processed; retry shortly.', {
      retryAfterMs: 1_000,
    }),
  );

/**
 * The `idempotency_keys` table. The primary key (scope, key) decides which of two
 * concurrent requests runs: the other waits for the stored answer. Only successful
 * answers are kept; a refused request releases its key, so the caller may fix the
 * request and retry with the same key.
 */
@Injectable()
export class IdempotencyStore {
  constructor(
    private readonly prisma: PrismaService,
    @Inject(ENV) private readonly env: ApiEnv,
  ) {}

  async claim(scope: string, key: string, requestHash: string): Promise<Claim> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const { count } = await this.prisma.idempotencyKey.createMany({ data: [{ scope, key, requestHash }], skipDuplicates: true });
      if (count === 1) return { kind: 'first' };
      const row = await this.prisma.idempotencyKey.findUnique({ where: { scope_key: { scope, key } } });
      if (!row) continue; // released between the two statements: try to claim again
      const age = Date.now() - row.createdAt.getTime();
      if (age > this.env.IDEMPOTENCY_KEY_TTL_MS || (row.responseStatus === null && age > ABANDONED_MS)) {
        // Expired or abandoned: only one of several takers succeeds, on the exact row it saw.
        const taken = await this.prisma.idempotencyKey.updateMany({
          where: { scope, key, createdAt: row.createdAt },
          data: { requestHash, createdAt: new Date(), responseStatus: null, responseBody: Prisma.DbNull, completedAt: null },
        });
        if (taken.count === 1) return { kind: 'first' };
        continue;
      }
      if (row.requestHash !== requestHash) throw keyReused();
      if (row.responseStatus !== null) return { kind: 'replay', status: row.responseStatus, body: row.responseBody };
      if (Date.now() > deadline) throw inProgress();
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  async complete(scope: string, key: string, status: number, body: unknown): Promise<void> {
    await this.prisma.idempotencyKey.update({
      where: { scope_key: { scope, key } },
      data: {
        responseStatus: status,
        responseBody: body === undefined || body === null ? Prisma.JsonNull : (body as Prisma.InputJsonValue),
        completedAt: new Date(),
      },
    });
  }

  async release(scope: string, key: string): Promise<void> {
    await this.prisma.idempotencyKey.deleteMany({ where: { scope, key, responseStatus: null } });
  }
}

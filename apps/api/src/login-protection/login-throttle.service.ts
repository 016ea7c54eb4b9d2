import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import {
  assertLockPolicy,
  countsLoginFailures,
  loginRefusal,
  recordLoginFailure,
  recordLoginSuccess,
  statusWhenLocked,
  statusWhenUnlocked,
  tooManyFailures,
  type LockPolicy,
  type LoginFailureKind,
  type LoginRefusal,
} from '../../../../libs/domain/src/auth';
import { lockLoginCounters, saveLoginCounters } from '../../../../libs/infra/src/auth/login-locks';
import { PrismaService } from '../../../../libs/infra/src/prisma/prisma.service';
import { ENV } from '../../../../libs/infra/src/tokens';
import { loginLockWorkflowId, type LoginLockInput } from '../../../../workflows/src/login-lock/login-lock.messages';
import { DomainProblem } from '../common/problem';
import { startUserFlow } from '../common/user-flow';
import type { ApiEnv } from '../config/api-env';
import { RateCounters } from './rate-counters.service';

/** The outcome of admitting one password or code attempt of a known user. */
export type Attempt =
  | { admitted: false; refusal: LoginRefusal }
  | { admitted: true; lockedNow: boolean; lockedUntil: number | null };

/**
 * Applies the domain's login-lock rules (libs/domain/src/auth) to the stored
 * counters. An attempt is counted as failed *before* it is weighed and forgiven
 * when it proves right, so a burst of parallel guesses can't outrun the limit.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);
  readonly policy: LockPolicy;

  constructor(
    private readonly prisma: PrismaService,
    private readonly counters: RateCounters,
    private readonly temporal: Client,
    @Inject(ENV) private readonly env: ApiEnv,
  ) {
    this.policy = assertLockPolicy({
      maxPasswordFailures: env.LOGIN_MAX_FAILURES,
      maxCodeFailures: env.LOGIN_CODE_MAX_FAILURES,
      baseLockMs: env.LOGIN_LOCK_MS,
      maxLockMs: env.LOGIN_LOCK_MAX_MS,
    });
  }

  /** Counts a login attempt from `address` as failed until it succeeds; over the limit, every login from there waits (429). */
  async admitAddress(address: string): Promise<void> {
    const wait = await this.counters.consume([
      { kind: 'LOGIN_ADDRESS', value: address, limit: { limit: this.env.LOGIN_ADDRESS_MAX_FAILURES, windowMs: this.env.LOGIN_ADDRESS_WINDOW_MS } },
    ]);
    if (wait !== null) throw new DomainProblem(tooManyFailures(wait));
  }

  forgiveAddress(address: string): Promise<void> {
    return this.counters.refund('LOGIN_ADDRESS', address);
  }

  /**
   * May this user sign in now? If so, the attempt is counted as a failure of
   * `kind` straight away (and may lock the login); `succeed` forgives it.
   */
  async admit(userId: string, kind: LoginFailureKind, now = Date.now()): Promise<Attempt> {
    return this.prisma.$transaction(async (tx) => {
      const lock = await lockLoginCounters(tx, userId);
      const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { status: true } });
      const refusal = loginRefusal(user.status, lock, now);
      // A lock that ran out while nobody looked ends here too (its workflow may be late).
      if (user.status === 'LOCKED' && refusal === null) await tx.user.update({ where: { id: userId }, data: { status: statusWhenUnlocked(user.status) } });
      if (refusal) return { admitted: false, refusal };
      if (!countsLoginFailures(user.status)) return { admitted: true, lockedNow: false, lockedUntil: null };
      const outcome = recordLoginFailure(lock, kind, now, this.policy);
      await saveLoginCounters(tx, userId, outcome.lock);
      const status = outcome.lockedNow ? statusWhenLocked(user.status) : user.status;
      if (status !== user.status) await tx.user.update({ where: { id: userId }, data: { status } });
      return { admitted: true, lockedNow: outcome.lockedNow, lockedUntil: outcome.lock.lockedUntil };
    });
  }

  /** The attempt proved right: a successful login clears every count and any lock it just started. */
  async succeed(userId: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await lockLoginCounters(tx, userId);
      await saveLoginCounters(tx, userId, recordLoginSuccess());
      const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { status: true } });
      const status = statusWhenUnlocked(user.status);
      if (status !== user.status) await tx.user.update({ where: { id: userId }, data: { status } });
    });
  }

  /**
   * The attempt that locked the login was wrong: a workflow tells the user and
   * ends the lock on time. Never throws — a caller's answer must not differ for
   * a known login because Temporal is slow (the lock itself is already stored).
   */
  async announceLock(user: { id: string; partnerId: string }, lockedUntil: number): Promise<void> {
    const input: LoginLockInput = { userId: user.id, partnerId: user.partnerId, lockedUntil };
    try {
      await startUserFlow(this.temporal, this.env.TEMPORAL_TASK_QUEUE, {
        type: 'loginLockWorkflow',
        workflowId: loginLockWorkflowId(user.id, lockedUntil),
        input,
        flow: 'login-lock',
        user,
        status: 'LOCKED',
        summary: `Login of user ${user.id} locked after failed attempts`,
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return;
      this.logger.error({ err: error, userId: user.id }, 'could not start the login-lock workflow; the lock stands, the notice is not sent');
    }
  }
}

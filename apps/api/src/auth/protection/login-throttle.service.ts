import { Inject, Injectable, Logger } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import {
  assertLockPolicy,
  decideLoginAttempt,
  loginRefusal,
  tooManyFailures,
  type LockPolicy,
  type LoginAttemptDecision,
  type LoginFailureKind,
  type LoginRefusal,
} from '@domain/auth';
import type { UserStatus } from '@domain/access-level';
import { lockLoginState, readLoginCounters, saveLoginCounters } from '@infra/auth/login-locks';
import { PrismaService, type Prisma } from '@infra/prisma/prisma.service';
import { ENV } from '@infra/tokens';
import { loginLockWorkflowId, type LoginLockInput } from '@workflows/login-lock/login-lock.messages';
import type { DomainError } from '@domain/domain-error';
import { UserFlows } from '../../common/user-flow';
import type { ApiEnv } from '../../config/api-env';
import { RateCounters } from './rate-counters.service';

/**
 * Applies the domain's login-lock rules (libs/domain/src/auth) to the stored counters.
 * A password or code is weighed first, outside any transaction; `decide` then settles the
 * attempt under the user's counter row lock, in the caller's transaction, from the counters
 * as they are at that moment (decideLoginAttempt). So attempts of one user are decided one
 * after another: in-flight attempts count for nothing, and a burst of guesses can't outrun
 * the limit — those decided after the lock are refused whatever they were.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);
  readonly policy: LockPolicy;

  constructor(
    private readonly prisma: PrismaService,
    private readonly counters: RateCounters,
    private readonly userFlows: UserFlows,
    @Inject(ENV) private readonly env: ApiEnv,
  ) {
    this.policy = assertLockPolicy({
      maxPasswordFailures: env.LOGIN_MAX_FAILURES,
      maxCodeFailures: env.LOGIN_CODE_MAX_FAILURES,
      baseLockMs: env.LOGIN_LOCK_MS,
      maxLockMs: env.LOGIN_LOCK_MAX_MS,
    });
  }

  /**
   * The address's budget of weighed attempts: one is taken before the secret is weighed (so
   * a flood from one address can't buy unbounded argon2 work) and given back by a success.
   * Over the limit, every login from there waits: the refusal (429) is returned.
   */
  async admitAddress(address: string): Promise<DomainError | null> {
    const wait = await this.counters.consume([
      { kind: 'LOGIN_ADDRESS', value: address, limit: { limit: this.env.LOGIN_ADDRESS_MAX_FAILURES, windowMs: this.env.LOGIN_ADDRESS_WINDOW_MS } },
    ]);
    return wait === null ? null : tooManyFailures(wait);
  }

  /** A success gives the address's unit back, in the sign-in's transaction. */
  forgiveAddress(tx: Prisma.TransactionClient, address: string): Promise<void> {
    return this.counters.refund('LOGIN_ADDRESS', address, tx);
  }

  /** Why this user may not sign in now, read without a lock: only to spare work (a code's tries) that `decide` would refuse anyway. */
  async refusalNow(user: { id: string; status: UserStatus }, now = Date.now()): Promise<LoginRefusal | null> {
    return loginRefusal(user.status, await readLoginCounters(this.prisma, user.id), now);
  }

  /** Settles one weighed attempt in `tx`, writing only what changed (counters, status). */
  async decide(tx: Prisma.TransactionClient, userId: string, kind: LoginFailureKind, correct: boolean, now = Date.now()): Promise<LoginAttemptDecision> {
    const { lock, status } = await lockLoginState(tx, userId);
    const decision = decideLoginAttempt({ status, lock, kind, correct, now }, this.policy);
    if (decision.lock !== lock) await saveLoginCounters(tx, userId, decision.lock);
    if (decision.status !== status) await tx.user.update({ where: { id: userId }, data: { status: decision.status } });
    return decision;
  }

  /**
   * The attempt that locked the login was wrong: a workflow tells the user and
   * ends the lock on time. Never throws — a caller's answer must not differ for
   * a known login because Temporal is slow (the lock itself is already stored).
   */
  async announceLock(user: { id: string; partnerId: string }, lockedUntil: number): Promise<void> {
    const input: LoginLockInput = { userId: user.id, partnerId: user.partnerId, lockedUntil };
    try {
      await this.userFlows.start({
        type: 'loginLockWorkflow',
        workflowId: loginLockWorkflowId(user.id, lockedUntil),
        input,
        flow: 'login-lock',
        user,
        status: 'LOCKED',
        summary: 'Login locked after failed attempts',
        details: [`**Locked until** ${new Date(lockedUntil).toISOString()}`],
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return;
      this.logger.error({ err: error, userId: user.id }, 'could not start the login-lock workflow; the lock stands, the notice is not sent');
    }
  }
}

import type { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { ActivityExecuteInput, ActivityInboundCallsInterceptor, ActivityInterceptorsFactory, Next } from '@temporalio/worker';
import { DATA_REJECTED } from '@workflows/shared/data-rejected';
import { classifyActivityError } from './classify-error';

export { DATA_REJECTED };
/** From this attempt on, every failure of an activity is an alert (a few retries are normal). */
export const ALERT_FROM_ATTEMPT = 5;

/** Fixed `alert` values, for an operator's log alerting rules. */
export const ActivityAlert = {
  DATA_REJECTED: 'ACTIVITY_DATA_REJECTED',
  KEEPS_FAILING: 'ACTIVITY_KEEPS_FAILING',
} as const;

/** The structured logger the worker writes JSON lines with (pino's `(object, message)` form). */
export interface AlertLogger {
  error(fields: Record<string, unknown>, message: string): void;
}

/**
 * Every activity's errors in one place. A data error (SQLSTATE class 22/23, a query Prisma
 * refused, a zod or domain parse) becomes a non-retryable ApplicationFailure of type
 * DATA.REJECTED whose message names the kind of error and never the offending value; anything
 * else is rethrown untouched and retried by the activity's policy. Either way an `alert` line
 * is logged when it deserves an operator's eyes: at once for a data error, and from
 * ALERT_FROM_ATTEMPT on for an activity that keeps failing.
 */
export class ActivityErrorsInterceptor implements ActivityInboundCallsInterceptor {
  constructor(
    private readonly ctx: Context,
    private readonly logger: AlertLogger,
  ) {}

  async execute(input: ActivityExecuteInput, next: Next<ActivityInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    try {
      return await next(input);
    } catch (error) {
      const { activityType, attempt, workflowExecution } = this.ctx.info;
      const where = { activityType, attempt, workflowId: workflowExecution?.workflowId ?? null };
      if (error instanceof ApplicationFailure) throw error;
      const verdict = classifyActivityError(error);
      if (verdict.kind === 'data') {
        this.logger.error({ alert: ActivityAlert.DATA_REJECTED, ...where, cause: verdict.cause }, 'activity refused by the database: data error, not retried');
        throw ApplicationFailure.create({ type: DATA_REJECTED, message: `data rejected (${verdict.cause})`, nonRetryable: true });
      }
      if (attempt >= ALERT_FROM_ATTEMPT) {
        const name = error instanceof Error ? error.name : typeof error;
        this.logger.error({ alert: ActivityAlert.KEEPS_FAILING, ...where, error: name }, 'activity keeps failing; retrying');
      }
      throw error;
    }
  }
}

export const activityErrorsInterceptor =
  (logger: AlertLogger): ActivityInterceptorsFactory =>
  (ctx) => ({ inbound: new ActivityErrorsInterceptor(ctx, logger) });

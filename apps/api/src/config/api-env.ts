import { z } from 'zod';
import { defaultTouchIntervalMs } from '@domain/auth/session-activity';
import { loadEnv, refineShared, sharedEnvSchema } from '@infra/config/env.schema';
import { paymentsEnvShape } from '../payments/payments-env';
import { subUsersEnvShape } from '../sub-users/sub-users-env';
import { codecEnvShape } from '../codec/codec-env';
import { auditPublicKeyEnvShape, refineAuditKey } from '@infra/audit/audit-keys';
import { apiMetricsEnvShape, tracingEnvShape } from '@infra/observability/observability-env';
import { trustedProxiesSchema } from '../http/trusted-proxies';
import { operatorTokensSchema, parseOperatorEntry, type OperatorCredential } from '../operator/operator-credentials';

/** The API's configuration: the shared settings plus what only the HTTP side needs. */
export const apiEnvSchema = sharedEnvSchema
  .extend({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    /**
     * Proxies whose X-Forwarded-For is believed (Express 'trust proxy' syntax, comma-separated).
     * Empty trusts nobody: the client address is the TCP peer, so a caller cannot pick the
     * address its failed logins count against (§1.16).
     */
    TRUSTED_PROXIES: trustedProxiesSchema,
    /**
     * Bank operators, comma-separated `name:token` (a bare `token` still works, named after its
     * digest). Parsed into OPERATORS below; OPERATOR_TOKENS then holds the tokens alone.
     */
    OPERATOR_TOKENS: operatorTokensSchema,
    /** Session lifetimes (§1.11): idle timeout and absolute lifetime. */
    SESSION_IDLE_TTL_MS: z.coerce
      .number()
      .int()
      .positive()
      .default(15 * 60_000),
    SESSION_ABSOLUTE_TTL_MS: z.coerce
      .number()
      .int()
      .positive()
      .default(12 * 3600_000),
    /**
     * A session's last use is written at most once per this interval, not on every request;
     * idle expiry counts from the written time, so a session left alone ends up to this much
     * *before* SESSION_IDLE_TTL_MS, never after. Shorter than the idle timeout; by default a
     * minute, or a tenth of an idle timeout shorter than ten minutes.
     */
    SESSION_TOUCH_INTERVAL_MS: z.coerce.number().int().positive().optional(),
    /**
     * libuv's thread pool, where argon2 runs: read by the entry point (thread-pool.ts) before
     * anything uses the pool; unset means one thread per core (os.availableParallelism()).
     */
    UV_THREADPOOL_SIZE: z.coerce.number().int().min(1).max(1024).optional(),
    /** Brute-force protection (§1.16): failed passwords (or codes, across challenges) that lock a login, and for how long. */
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    LOGIN_CODE_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(10),
    /** The first lock; each further lock in a row doubles it, up to LOGIN_LOCK_MAX_MS. */
    LOGIN_LOCK_MS: z.coerce
      .number()
      .int()
      .positive()
      .default(15 * 60_000),
    LOGIN_LOCK_MAX_MS: z.coerce
      .number()
      .int()
      .positive()
      .default(24 * 3600_000),
    /** Failed logins per client address per window, whatever the login. */
    LOGIN_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(1).default(100),
    LOGIN_ADDRESS_WINDOW_MS: z.coerce
      .number()
      .int()
      .positive()
      .default(15 * 60_000),
    /** Login codes and recovery links/codes sent per login and per phone per window (SMS cost, SMS pumping). */
    LOGIN_CODE_SEND_LIMIT: z.coerce.number().int().min(1).default(5),
    LOGIN_CODE_SEND_WINDOW_MS: z.coerce.number().int().positive().default(3600_000),
    ...paymentsEnvShape,
    ...subUsersEnvShape,
    ...codecEnvShape,
    /** The audit log's checkpoint key (§1.15), published at /v1/operator/audit/public-key. */
    ...auditPublicKeyEnvShape,
    ...tracingEnvShape,
    ...apiMetricsEnvShape,
    /** Milliseconds to let in-flight requests finish on shutdown. */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  })
  .superRefine((env, ctx) => {
    refineShared(env, ctx);
    refineAuditKey(env, ctx, 'AUDIT_PUBLIC_KEY');
    if (env.LOGIN_LOCK_MAX_MS < env.LOGIN_LOCK_MS) {
      ctx.addIssue({ code: 'custom', path: ['LOGIN_LOCK_MAX_MS'], message: 'must be at least LOGIN_LOCK_MS' });
    }
    if (env.SESSION_TOUCH_INTERVAL_MS !== undefined && env.SESSION_TOUCH_INTERVAL_MS >= env.SESSION_IDLE_TTL_MS) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_TOUCH_INTERVAL_MS'], message: 'must be shorter than SESSION_IDLE_TTL_MS' });
    }
  })
  .transform((env) => {
    const operators: OperatorCredential[] = env.OPERATOR_TOKENS.map(parseOperatorEntry);
    return {
      ...env,
      OPERATORS: operators,
      OPERATOR_TOKENS: operators.map((o) => o.token),
      SESSION_TOUCH_INTERVAL_MS: env.SESSION_TOUCH_INTERVAL_MS ?? defaultTouchIntervalMs(env.SESSION_IDLE_TTL_MS),
    };
  });

export type ApiEnv = z.infer<typeof apiEnvSchema>;

export const loadApiEnv = (source: NodeJS.ProcessEnv = process.env): ApiEnv => loadEnv(apiEnvSchema, source);

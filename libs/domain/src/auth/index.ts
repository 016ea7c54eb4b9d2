/**
 * Authentication rules (§1.4, §1.12, §1.14, §1.16, §2.9): pure functions over
 * counters and times; the API persists the counters and supplies the clock.
 *
 * - login-lock: failed passwords and failed codes per user, counted separately
 *   (`recordLoginFailure`, `recordLoginSuccess`, `isLoginLocked`); reaching
 *   `maxPasswordFailures` or `maxCodeFailures` locks for `baseLockMs`, doubling
 *   with each lock in a row up to `maxLockMs`.
 * - login-attempt: `decideLoginAttempt` decides one weighed attempt (signed in, wrong —
 *   perhaps locking — or refused) from the counters as they are when it is decided, so
 *   attempts in flight never count as failures.
 * - session-activity: a session's last use is stored at most once per interval and its
 *   idle expiry counts from the stored time, so it never outlives the idle timeout.
 * - rate-window: fixed-window limits (`rateRetryAfter`, `countRateEvent`) for
 *   failed logins per client address and sends per login and per phone.
 * - user-access: `loginRefusal` (BLOCKED, NOT_REGISTERED, LOCKED), `blockUser`,
 *   `unblockUser` (back to INVITED, ACTIVE or LOCKED), status on lock and unlock.
 * - recovery: password recovery runs on the registration machine; `recoveryStatus`
 *   names its states for clients (LINK_SENT … COMPLETED).
 *
 * Errors: AUTH.TOO_MANY_FAILURES and AUTH.SEND_LIMIT (TOO_MANY, details.retryAfterMs),
 * USER.ALREADY_BLOCKED and USER.NOT_BLOCKED (CONFLICT, details.state).
 */
export * from './login-lock';
export * from './login-attempt';
export * from './session-activity';
export * from './rate-window';
export * from './user-access';
export * from './recovery';
export { AuthErrorCode, sendLimit, tooManyFailures } from './auth.errors';

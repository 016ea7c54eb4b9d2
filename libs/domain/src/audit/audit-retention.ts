/**
 * §1.15: information on a partner's actions is kept for five years. 5 × 365 days
 * plus one leap day; a deployment may keep records longer, never shorter.
 */
export const AUDIT_RETENTION_MIN_DAYS = 1826;

export const auditRetentionMs = (days: number): number => days * 86_400_000;

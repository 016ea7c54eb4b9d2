export type AuditOutcome = 'SUCCESS' | 'FAILURE' | 'DENIED';

/**
 * How an HTTP answer reads in the audit trail (§1.15): a refused or unknown
 * caller is DENIED (401, 403, and 404, which is also what another partner's
 * resource answers), anything else that did not succeed is a FAILURE.
 */
export const auditOutcomeForStatus = (status: number): AuditOutcome => {
  if (status >= 200 && status < 300) return 'SUCCESS';
  if (status === 401 || status === 403 || status === 404) return 'DENIED';
  return 'FAILURE';
};

/** The one sealer of the audit log (§1.15): a fixed workflow id, so a cluster runs exactly one. */
export const AUDIT_SEALER_WORKFLOW_ID = 'audit-sealer';

export const AUDIT_SEALER_WORKFLOW_TYPE = 'auditSealerWorkflow';

/** The Temporal Schedule that runs the audit retention every day (§1.15). */
export const AUDIT_RETENTION_SCHEDULE_ID = 'audit-retention';

/** Workflow ids of scheduled runs start with this (the schedule appends the run time). */
export const AUDIT_RETENTION_WORKFLOW_ID = 'audit-retention';

export const AUDIT_RETENTION_WORKFLOW_TYPE = 'auditRetentionWorkflow';

export interface AuditPurgeResult {
  removed: number;
  /** Records of leaves below this index have been removed; null when nothing went. */
  purgedBelowLeaf: number | null;
  cutoff: string;
  /** More expired records remain beyond this batch. */
  more: boolean;
}

export interface AuditRetentionActivities {
  /**
   * Removes one batch of audit records older than the configured retention
   * (AUDIT_RETENTION_DAYS, §1.15) and records the removal.
   */
  purgeExpiredAuditRecords(): Promise<AuditPurgeResult>;
}

export interface AuditSealerRun {
  /** Seals performed in this run. */
  seals: number;
  /** Records that became leaves. */
  sealed: number;
  treeSize: number;
}

export interface AuditSealerActivities {
  /**
   * Seals the audit log every AUDIT_SEAL_INTERVAL_MS and exports each new checkpoint, for about
   * `runForMs`, heartbeating; ends early (as a failure the server retries) when its worker stops.
   */
  runAuditSealer(input: { runForMs: number }): Promise<AuditSealerRun>;
}

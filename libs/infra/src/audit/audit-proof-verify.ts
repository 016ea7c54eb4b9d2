import type { KeyObject } from 'node:crypto';
import { viewLeafHash, type AuditRecordView } from './audit-record-view';
import { parseAndVerifyCheckpoint, verifyInclusion } from './transparency';

/** What `GET /v1/operator/audit/records/{id}/proof` answers; saved to a file, it is verified offline. */
export interface InclusionProofJson {
  recordId: string;
  leafIndex: number;
  treeSize: number;
  leafHash: string;
  auditPath: string[];
  /** The record as its leaf commits to it; absent when retention removed its body. */
  record: AuditRecordView | null;
}

export type ProofVerdict = { ok: true; treeSize: number; leafIndex: number } | { ok: false; reason: string };

const HEX32 = /^[0-9a-f]{64}$/;

/**
 * Verifies one record's inclusion proof against an exported checkpoint alone (§1.15): the note's
 * signature, the record's bytes against the leaf hash, and the audit path against the signed root
 * (RFC 9162 §2.1.3.2). No database is needed.
 */
export function verifyRecordProof(proof: InclusionProofJson, checkpointNote: string, publicKey: KeyObject, keyName?: string): ProofVerdict {
  let checkpoint;
  try {
    checkpoint = parseAndVerifyCheckpoint(checkpointNote, publicKey, keyName ?? checkpointNote.slice(0, checkpointNote.indexOf('\n')));
  } catch (error) {
    return { ok: false, reason: `the checkpoint does not verify: ${(error as Error).message}` };
  }
  if (proof.treeSize !== checkpoint.treeSize) {
    return {
      ok: false,
      reason: `the proof is for a tree of ${proof.treeSize}; the checkpoint is of ${checkpoint.treeSize} (ask with ?treeSize=${checkpoint.treeSize})`,
    };
  }
  if (!HEX32.test(proof.leafHash) || !Array.isArray(proof.auditPath) || !proof.auditPath.every((h) => HEX32.test(h))) {
    return { ok: false, reason: 'hashes must be 32 bytes of lowercase hex' };
  }
  const leaf = Buffer.from(proof.leafHash, 'hex');
  if (proof.record) {
    if (String(proof.record.id) !== String(proof.recordId)) return { ok: false, reason: 'the record is not the one the proof names' };
    if (!viewLeafHash(proof.record).equals(leaf)) return { ok: false, reason: 'the record does not hash to the leaf hash' };
  }
  const path = proof.auditPath.map((h) => Buffer.from(h, 'hex'));
  if (!verifyInclusion(leaf, proof.leafIndex, proof.treeSize, path, checkpoint.rootHash)) {
    return { ok: false, reason: 'the audit path does not lead to the signed root' };
  }
  return { ok: true, treeSize: checkpoint.treeSize, leafIndex: proof.leafIndex };
}

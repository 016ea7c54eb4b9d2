import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_AUDIT_PUBLIC_KEY } from '@infra/audit/audit-keys';
import { CHECKPOINT_FILE } from '@infra/audit/audit-checkpoint-sink';
import { verifyRecordProof, type InclusionProofJson } from '@infra/audit/audit-proof-verify';
import { loadPublicKey } from '@infra/audit/transparency';

/**
 * `npm run audit:verify-proof -- <proof.json> [checkpoint file]`: verifies one record's inclusion
 * proof (as `GET /v1/operator/audit/records/{id}/proof` answers it) offline, against the exported
 * checkpoint alone (default AUDIT_CHECKPOINT_DIR/checkpoint) and AUDIT_PUBLIC_KEY. No database.
 * Exit code 0 verified, 1 not verified, 2 could not be checked.
 */
function main(): number {
  const [proofFile, checkpointFile] = process.argv.slice(2);
  if (!proofFile) {
    console.error('usage: npm run audit:verify-proof -- <proof.json> [checkpoint file]');
    return 2;
  }
  const note = readFileSync(checkpointFile ?? join(process.env.AUDIT_CHECKPOINT_DIR ?? 'var/audit-checkpoints', CHECKPOINT_FILE), 'utf8');
  if (!process.env.AUDIT_PUBLIC_KEY) console.warn('AUDIT_PUBLIC_KEY is not set: checking against the development key');
  const key = loadPublicKey(process.env.AUDIT_PUBLIC_KEY ?? DEV_AUDIT_PUBLIC_KEY);
  const proof = JSON.parse(readFileSync(proofFile, 'utf8')) as InclusionProofJson;
  const verdict = verifyRecordProof(proof, note, key, process.env.AUDIT_KEY_NAME);
  if (verdict.ok) {
    console.log(`proof OK: record ${proof.recordId} is leaf ${verdict.leafIndex} of the signed tree of ${verdict.treeSize}`);
    return 0;
  }
  console.log(`proof NOT verified for record ${proof.recordId}: ${verdict.reason}`);
  return 1;
}

try {
  process.exit(main());
} catch (error) {
  console.error(`proof verification could not run: ${(error as Error).message}`);
  process.exit(2);
}

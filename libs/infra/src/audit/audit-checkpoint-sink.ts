import { randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KeyObject } from 'node:crypto';
import type { AuditTreeRepository, StoredCheckpoint } from './audit-tree.repository';
import { parseAndVerifyCheckpoint, verifyConsistency } from './transparency';

/** The exported checkpoint: the newest signed note, C2SP text, one file. */
export const CHECKPOINT_FILE = 'checkpoint';

/** Fixed `alert` value for operators' log rules: the log in the database no longer extends what was exported. */
export const AUDIT_CHECKPOINT_INCONSISTENT = 'AUDIT_CHECKPOINT_INCONSISTENT';

export type ExportOutcome = 'exported' | 'unchanged' | 'inconsistent';

export interface SinkLogger {
  error(fields: Record<string, unknown>, msg: string): void;
}

export function readExportedCheckpoint(dir: string): string | null {
  try {
    return readFileSync(join(dir, CHECKPOINT_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Temp file, fsync, rename over the old one, fsync the directory: a reader sees the old or the new note, whole. */
export function writeCheckpointAtomically(dir: string, note: string): void {
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${CHECKPOINT_FILE}.${randomUUID()}.tmp`);
  writeFileSync(temp, note, { flag: 'wx' });
  const fd = openSync(temp, 'r');
  fsyncSync(fd);
  closeSync(fd);
  renameSync(temp, join(dir, CHECKPOINT_FILE));
  const dirFd = openSync(dir, 'r');
  fsyncSync(dirFd);
  closeSync(dirFd);
}

/**
 * Exports `latest` to the directory sink (§1.15) if it extends what was exported before: the old
 * note's signature must verify and the database tree must prove the new root consistent with the
 * old one (RFC 9162 §2.1.4). Otherwise someone changed history in the database (or the export):
 * nothing is written and an AUDIT_CHECKPOINT_INCONSISTENT alert is logged, every time, until a
 * person looks.
 */
export async function exportCheckpoint(
  dir: string,
  latest: StoredCheckpoint,
  tree: Pick<AuditTreeRepository, 'consistencyProof'>,
  key: { publicKey: KeyObject; name: string },
  log: SinkLogger,
): Promise<ExportOutcome> {
  const alert = (reason: string, fields: Record<string, unknown> = {}): ExportOutcome => {
    log.error({ alert: AUDIT_CHECKPOINT_INCONSISTENT, dir, treeSize: latest.treeSize, ...fields }, `audit checkpoint not exported: ${reason}`);
    return 'inconsistent';
  };
  try {
    parseAndVerifyCheckpoint(latest.note, key.publicKey, key.name);
  } catch (error) {
    return alert(`the database's newest checkpoint does not verify (${(error as Error).message})`);
  }
  const previousNote = readExportedCheckpoint(dir);
  if (previousNote !== null) {
    let previous;
    try {
      previous = parseAndVerifyCheckpoint(previousNote, key.publicKey, key.name);
    } catch (error) {
      return alert(`the exported checkpoint does not verify (${(error as Error).message})`);
    }
    if (previous.treeSize === latest.treeSize) {
      return previous.rootHash.equals(latest.rootHash) ? 'unchanged' : alert('same tree size, another root', { exportedSize: previous.treeSize });
    }
    if (previous.treeSize > latest.treeSize) return alert('the database tree is smaller than the exported one', { exportedSize: previous.treeSize });
    let proof: Buffer[];
    try {
      proof = await tree.consistencyProof(previous.treeSize, latest.treeSize);
    } catch (error) {
      return alert(`no consistency proof (${(error as Error).message})`, { exportedSize: previous.treeSize });
    }
    if (!verifyConsistency(previous.treeSize, latest.treeSize, proof, previous.rootHash, latest.rootHash)) {
      return alert('the new tree does not extend the exported one', { exportedSize: previous.treeSize });
    }
  }
  writeCheckpointAtomically(dir, latest.note);
  return 'exported';
}

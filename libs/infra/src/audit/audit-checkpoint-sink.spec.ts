import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditPublicKey, auditSigningKey } from './audit-keys';
import { AUDIT_CHECKPOINT_INCONSISTENT, CHECKPOINT_FILE, exportCheckpoint } from './audit-checkpoint-sink';
import type { StoredCheckpoint } from './audit-tree.repository';
import { consistencyProof, formatCheckpoint, leafHash, memoryNodeReader, rootHash, signCheckpoint } from './transparency';

const NAME = 'bank-flows/audit';
const key = { publicKey: auditPublicKey({}), name: NAME };
const leaves = (tag: string, n: number) => Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`${tag}-${i}`)));

/** A tree as the sealer stores it, and its signed checkpoint at `size`. */
function tree(hashes: Buffer[]) {
  const read = memoryNodeReader(hashes);
  const checkpoint = (size: number): StoredCheckpoint => {
    const root = rootHash(size, read);
    const timestamp = new Date(Date.UTC(2026, 11, 1, 6, 0, size % 60));
    const note = signCheckpoint(formatCheckpoint({ origin: NAME, treeSize: size, rootHash: root, timestamp }), auditSigningKey({}), NAME);
    return { treeSize: size, rootHash: root, timestamp, keyId: '', note };
  };
  return { checkpoint, repo: { consistencyProof: async (m: number, n: number) => consistencyProof(m, n, read) } };
}

describe('checkpoint sink (a directory)', () => {
  const log = () => {
    const alerts: Record<string, unknown>[] = [];
    return { alerts, error: (fields: Record<string, unknown>) => void alerts.push(fields) };
  };

  it('exports the first checkpoint, then each one consistent with the last exported, atomically', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sink-'));
    const t = tree(leaves('a', 40));
    const l = log();
    for (const size of [3, 8, 17, 40]) {
      await expect(exportCheckpoint(dir, t.checkpoint(size), t.repo, key, l)).resolves.toBe('exported');
      expect(readFileSync(join(dir, CHECKPOINT_FILE), 'utf8')).toBe(t.checkpoint(size).note);
    }
    await expect(exportCheckpoint(dir, t.checkpoint(40), t.repo, key, l)).resolves.toBe('unchanged');
    expect(l.alerts).toEqual([]);
    expect(readdirSync(dir)).toEqual([CHECKPOINT_FILE]); // no temp file left behind
  });

  it('refuses, alerts and keeps the old export when history was rewritten, truncated or the export forged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sink-'));
    const honest = tree(leaves('a', 20));
    const l = log();
    await exportCheckpoint(dir, honest.checkpoint(10), honest.repo, key, l);
    const exported = readFileSync(join(dir, CHECKPOINT_FILE), 'utf8');

    // Leaf 4 rewritten, the tree rebuilt and re-signed: the new root is not an extension.
    const rewritten = leaves('a', 20);
    rewritten[4] = leafHash(Buffer.from('forged'));
    const forged = tree(rewritten);
    await expect(exportCheckpoint(dir, forged.checkpoint(15), forged.repo, key, l)).resolves.toBe('inconsistent');
    // Truncated: a smaller tree than the one exported; same size, another root.
    await expect(exportCheckpoint(dir, honest.checkpoint(9), honest.repo, key, l)).resolves.toBe('inconsistent');
    await expect(exportCheckpoint(dir, forged.checkpoint(10), forged.repo, key, l)).resolves.toBe('inconsistent');
    expect(l.alerts).toHaveLength(3);
    expect(l.alerts.every((a) => a.alert === AUDIT_CHECKPOINT_INCONSISTENT)).toBe(true);
    expect(readFileSync(join(dir, CHECKPOINT_FILE), 'utf8')).toBe(exported);

    // An export someone edited no longer verifies: nothing is written over it.
    writeFileSync(join(dir, CHECKPOINT_FILE), exported.replace('\n10\n', '\n11\n'));
    await expect(exportCheckpoint(dir, honest.checkpoint(12), honest.repo, key, l)).resolves.toBe('inconsistent');
    expect(l.alerts[3]).toMatchObject({ alert: AUDIT_CHECKPOINT_INCONSISTENT });
    // Restored, the honest tree goes on.
    writeFileSync(join(dir, CHECKPOINT_FILE), exported);
    await expect(exportCheckpoint(dir, honest.checkpoint(12), honest.repo, key, l)).resolves.toBe('exported');
  });
});

import { EMPTY_ROOT, HASH_SIZE, nodeHash } from './merkle';

/**
 * The compact range [0, size) of a Merkle tree: the roots of the complete subtrees that the binary
 * digits of `size` cut it into, largest (leftmost) first — at most ⌈log2 size⌉ hashes. It is all
 * the sealer must keep between runs: appending k leaves to n costs k + popcount(n) −
 * popcount(n + k) ≤ k + log2(n + k) node hashes, the root popcount(size) − 1 more, and no old leaf
 * is read (the "frontier" of RFC 9162 §2.1.1 trees; transparency-dev/merkle calls it a compact range).
 */
export interface CompactRange {
  readonly size: number;
  readonly hashes: readonly Buffer[];
}

export const EMPTY_RANGE: CompactRange = { size: 0, hashes: [] };

/**
 * Told of every complete subtree (level 0 = the leaf itself) as it becomes complete; the sealer
 * stores them so that proofs later need no recomputation (see `NodeReader` in merkle.ts).
 */
export type NodeSink = (level: number, index: number, hash: Buffer) => void;

/** Appends leaf hashes in order; returns a new range and leaves `range` untouched. */
export function appendLeaves(range: CompactRange, leafHashes: readonly Buffer[], onNode?: NodeSink): CompactRange {
  assertWellFormed(range);
  const hashes = [...range.hashes];
  let size = range.size;
  for (const leaf of leafHashes) {
    if (leaf.length !== HASH_SIZE) throw new RangeError(`a leaf hash has ${leaf.length} bytes, not ${HASH_SIZE}`);
    let hash = leaf;
    let index = size;
    onNode?.(0, index, hash);
    // Each trailing 1 bit of the old size is a subtree of the same height that now has a right sibling.
    for (let level = 0, rest = size; rest % 2 === 1; level++, rest = (rest - 1) / 2) {
      hash = nodeHash(hashes.pop() as Buffer, hash);
      index = (index - 1) / 2;
      onNode?.(level + 1, index, hash);
    }
    hashes.push(hash);
    size++;
  }
  return { size, hashes };
}

/** MTH of the whole range: fold from the right, as the §2.1.1 recursion splits off the left part first. */
export function rangeRoot(range: CompactRange): Buffer {
  assertWellFormed(range);
  if (range.size === 0) return EMPTY_ROOT;
  let root = range.hashes[range.hashes.length - 1];
  for (let i = range.hashes.length - 2; i >= 0; i--) root = nodeHash(range.hashes[i], root);
  return root;
}

/** One hash per 1 bit of size: anything else was not produced by appendLeaves (or was damaged). */
function assertWellFormed(range: CompactRange): void {
  if (!Number.isSafeInteger(range.size) || range.size < 0) throw new RangeError(`invalid range size ${range.size}`);
  let ones = 0;
  for (let rest = range.size; rest > 0; rest = Math.floor(rest / 2)) ones += rest % 2;
  if (range.hashes.length !== ones || range.hashes.some((h) => h.length !== HASH_SIZE)) {
    throw new RangeError(`a compact range of size ${range.size} needs ${ones} hashes of ${HASH_SIZE} bytes`);
  }
}

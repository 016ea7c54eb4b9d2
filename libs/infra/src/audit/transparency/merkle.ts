import { createHash } from 'node:crypto';

/**
 * The Merkle tree of RFC 9162 §2.1 (identical to RFC 6962 §2.1) and proof generation.
 *
 * Every hash a proof or root needs is either a complete subtree — `2^level` leaves starting at
 * leaf `index·2^level`, immutable once those leaves exist — or is computed on the fly from
 * O(log n) of them. So generation reads complete subtrees through a `NodeReader` and never
 * rebuilds the tree: the sealer stores each node when it completes (see compact-range.ts), and a
 * proof is one batch read (`nodesNeeded`) followed by a pure, synchronous call.
 */

export const HASH_SIZE = 32;

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/** MTH({}) = SHA-256 of the empty string (RFC 9162 §2.1.1). */
export const EMPTY_ROOT: Buffer = createHash('sha256').digest();

/** MTH({d}) = SHA-256(0x00 ‖ d); the prefix keeps a leaf from posing as a node (§2.1.1). */
export function leafHash(data: Uint8Array): Buffer {
  return createHash('sha256').update(LEAF_PREFIX).update(data).digest();
}

/** SHA-256(0x01 ‖ left ‖ right) (§2.1.1). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest();
}

/**
 * Hash of the complete subtree at (level, index): level 0 is leaf `index`'s hash. Callers only
 * ask for subtrees whose leaves all exist in the tree they work on.
 */
export type NodeReader = (level: number, index: number) => Buffer;

/** Largest power of two strictly below n (n ≥ 2): the split point k of §2.1.1. */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** log2(n) when n is a power of two, else -1 (arithmetic, not bit operators: sizes may pass 2^31). */
function exactLog2(n: number): number {
  let level = 0;
  for (let p = 1; p <= n; p *= 2, level++) if (p === n) return level;
  return -1;
}

/** MTH(D[start:end]) for a range the §2.1.1 recursion can reach (start aligned to the range). */
function rangeHash(start: number, end: number, read: NodeReader): Buffer {
  const size = end - start;
  const level = exactLog2(size);
  if (level >= 0) return read(level, start / size);
  const k = splitPoint(size);
  return nodeHash(rangeHash(start, start + k, read), rangeHash(start + k, end, read));
}

/** MTH(D[0:size]) (§2.1.1). */
export function rootHash(size: number, read: NodeReader): Buffer {
  assertSize(size);
  return size === 0 ? EMPTY_ROOT : rangeHash(0, size, read);
}

/** PATH(m, D[0:size]) of §2.1.3.1, leaf's sibling first. */
export function inclusionProof(leafIndex: number, size: number, read: NodeReader): Buffer[] {
  assertSize(size);
  if (!Number.isSafeInteger(leafIndex) || leafIndex < 0 || leafIndex >= size) {
    throw new RangeError(`leaf index ${leafIndex} is outside a tree of size ${size}`);
  }
  const proof: Buffer[] = [];
  // The recursion walks from the root down; proof elements are emitted bottom-up, so unshift.
  let [start, end] = [0, size];
  while (end - start > 1) {
    const k = splitPoint(end - start);
    if (leafIndex < start + k) {
      proof.unshift(rangeHash(start + k, end, read));
      end = start + k;
    } else {
      proof.unshift(rangeHash(start, start + k, read));
      start += k;
    }
  }
  return proof;
}

/**
 * PROOF(m, D[0:size]) = SUBPROOF(m, D[0:size], true) of §2.1.4.1. m = size and m = 0 give the
 * empty proof (every tree is consistent with itself and with the empty tree).
 */
export function consistencyProof(m: number, size: number, read: NodeReader): Buffer[] {
  assertSize(size);
  if (!Number.isSafeInteger(m) || m < 0 || m > size) {
    throw new RangeError(`old size ${m} is outside 0…${size}`);
  }
  if (m === 0 || m === size) return [];
  const proof: Buffer[] = [];
  let [start, end, wholeOldTree] = [0, size, true];
  while (m !== end) {
    const k = splitPoint(end - start);
    if (m <= start + k) {
      proof.unshift(rangeHash(start + k, end, read));
      end = start + k;
    } else {
      proof.unshift(rangeHash(start, start + k, read));
      start += k;
      wholeOldTree = false;
    }
  }
  // m = n: the old tree's own subtree is needed unless the verifier already holds it as the old root.
  if (!wholeOldTree) proof.unshift(rangeHash(start, end, read));
  return proof;
}

/**
 * The complete subtrees `compute` reads, in first-read order. Which nodes a root or proof needs
 * depends only on sizes and indices, so the wiring can fetch them in one query before the real call.
 */
export function nodesNeeded(compute: (read: NodeReader) => unknown): Array<[level: number, index: number]> {
  const seen = new Map<string, [number, number]>();
  compute((level, index) => {
    seen.set(`${level}:${index}`, [level, index]);
    return EMPTY_ROOT; // any 32 bytes: the access pattern does not depend on values
  });
  return [...seen.values()];
}

/**
 * A NodeReader over an in-memory list of leaf hashes, memoising the subtrees it computes; for
 * tests, offline verification and small trees. Refuses subtrees that reach past the last leaf.
 */
export function memoryNodeReader(leafHashes: readonly Buffer[]): NodeReader {
  const memo = new Map<string, Buffer>();
  const read: NodeReader = (level, index) => {
    const first = index * 2 ** level;
    if (first + 2 ** level > leafHashes.length) {
      throw new RangeError(`subtree (${level}, ${index}) is not complete in a tree of ${leafHashes.length}`);
    }
    if (level === 0) return leafHashes[index];
    const key = `${level}:${index}`;
    let hash = memo.get(key);
    if (!hash) {
      hash = nodeHash(read(level - 1, 2 * index), read(level - 1, 2 * index + 1));
      memo.set(key, hash);
    }
    return hash;
  };
  return read;
}

function assertSize(size: number): void {
  if (!Number.isSafeInteger(size) || size < 0) throw new RangeError(`invalid tree size ${size}`);
}

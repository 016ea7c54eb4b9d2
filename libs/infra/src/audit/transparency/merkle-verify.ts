import { timingSafeEqual } from 'node:crypto';
import { HASH_SIZE, nodeHash } from './merkle';

/**
 * Proof verification exactly as the iterative algorithms of RFC 9162 §2.1.3.2 and §2.1.4.2 state
 * them: they need no tree, only sizes, the proof and the roots, so an offline verifier can run them.
 * Every function returns false rather than throwing on hostile input (wrong lengths, sizes out of
 * range, non-integers). Indices use arithmetic halving, not `>>`, which would wrap past 2^31.
 */

const isHash = (h: Uint8Array): boolean => h.length === HASH_SIZE;
const sameHash = (a: Uint8Array, b: Uint8Array): boolean => isHash(a) && isHash(b) && timingSafeEqual(a, b);
const isSize = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;
const isOdd = (n: number): boolean => n % 2 === 1;
const half = (n: number): number => Math.floor(n / 2);

/** §2.1.3.2: does `proof` show that `leaf` (a leaf hash) is leaf `index` of the tree with `root`? */
export function verifyInclusion(leaf: Uint8Array, index: number, treeSize: number, proof: readonly Uint8Array[], root: Uint8Array): boolean {
  if (!isSize(index) || !isSize(treeSize) || index >= treeSize) return false; // step 1
  if (!isHash(leaf) || !proof.every(isHash)) return false;
  let fn = index; // step 2
  let sn = treeSize - 1;
  let r: Uint8Array = leaf; // step 3
  for (const p of proof) {
    if (sn === 0) return false; // step 4a: the proof is longer than the path
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r); // step 4b: p is a left sibling
      // A right-border node without a right sibling is promoted unchanged (§2.1.1 split).
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn); // step 4c
    sn = half(sn);
  }
  return sn === 0 && sameHash(r, root); // step 5
}

/**
 * §2.1.4.2: does `proof` show that the tree of size `oldSize` with `oldRoot` is a prefix of the
 * tree of size `newSize` with `newRoot`? Equal sizes need an empty proof and equal roots; size 0
 * is a prefix of everything (empty proof), as in transparency-dev/merkle.
 */
export function verifyConsistency(oldSize: number, newSize: number, proof: readonly Uint8Array[], oldRoot: Uint8Array, newRoot: Uint8Array): boolean {
  if (!isSize(oldSize) || !isSize(newSize) || oldSize > newSize) return false;
  if (!proof.every(isHash) || !isHash(newRoot)) return false;
  if (oldSize === 0) return proof.length === 0;
  if (oldSize === newSize) return proof.length === 0 && sameHash(oldRoot, newRoot);
  if (proof.length === 0 || !isHash(oldRoot)) return false; // step 1
  // Step 2: when the old tree is a complete subtree the proof omits it; the verifier holds it.
  const path = isPowerOfTwo(oldSize) ? [oldRoot, ...proof] : [...proof];
  let fn = oldSize - 1; // step 3
  let sn = newSize - 1;
  while (isOdd(fn)) {
    fn = half(fn); // step 4
    sn = half(sn);
  }
  let fr: Uint8Array = path[0]; // step 5
  let sr: Uint8Array = path[0];
  for (const c of path.slice(1)) {
    if (sn === 0) return false; // step 6a
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr); // step 6b
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn); // step 6c
    sn = half(sn);
  }
  return sameHash(fr, oldRoot) && sameHash(sr, newRoot) && sn === 0; // step 7
}

function isPowerOfTwo(n: number): boolean {
  while (n > 1 && !isOdd(n)) n = half(n);
  return n === 1;
}

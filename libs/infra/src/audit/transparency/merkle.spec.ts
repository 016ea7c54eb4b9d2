import fc from 'fast-check';
import { consistencyProof, EMPTY_ROOT, inclusionProof, leafHash, memoryNodeReader, nodeHash, nodesNeeded, rootHash, type NodeReader } from './merkle';
import { verifyConsistency, verifyInclusion } from './merkle-verify';

/**
 * A literal transcription of RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1 over the leaf data itself
 * (array slices, recursion), memoised per range only so that 1…300 stays fast.
 */
function naiveTree(data: readonly Buffer[]) {
  const memo = new Map<string, Buffer>();
  const k = (n: number) => 2 ** Math.ceil(Math.log2(n) - 1); // largest power of two < n
  const mth = (from: number, to: number): Buffer => {
    const key = `${from}:${to}`;
    if (!memo.has(key)) {
      const n = to - from;
      memo.set(key, n === 0 ? EMPTY_ROOT : n === 1 ? leafHash(data[from]) : nodeHash(mth(from, from + k(n)), mth(from + k(n), to)));
    }
    return memo.get(key) as Buffer;
  };
  const path = (m: number, from: number, to: number): Buffer[] => {
    const n = to - from;
    if (n === 1) return [];
    return m < k(n) ? [...path(m, from, from + k(n)), mth(from + k(n), to)] : [...path(m - k(n), from + k(n), to), mth(from, from + k(n))];
  };
  const subproof = (m: number, from: number, to: number, b: boolean): Buffer[] => {
    const n = to - from;
    if (m === n) return b ? [] : [mth(from, to)];
    return m <= k(n) ? [...subproof(m, from, from + k(n), b), mth(from + k(n), to)] : [...subproof(m - k(n), from + k(n), to, false), mth(from, from + k(n))];
  };
  return {
    root: (n: number) => mth(0, n),
    path: (m: number, n: number) => path(m, 0, n),
    proof: (m: number, n: number) => (m === n ? [] : subproof(m, 0, n, true)),
  };
}

const MAX = 300;
// Hex strings, not Buffers, in the bulk comparisons: jest's deep equality on 45 000 Buffer arrays takes minutes.
const hex = (hashes: readonly Buffer[]): string => hashes.map((h) => h.toString('hex')).join(' ');
const data = Array.from({ length: 2000 }, (_, i) => Buffer.from(`audit record ${i}`));
const leaves = data.map(leafHash);
const naive = naiveTree(data);
const all = memoryNodeReader(leaves);

/** Only complete subtrees of the size-n tree may be read: anything else would be a wrong proof. */
const within =
  (n: number): NodeReader =>
  (level, index) => {
    if ((index + 1) * 2 ** level > n) throw new Error(`read (${level}, ${index}) outside a tree of ${n}`);
    return all(level, index);
  };

describe('Merkle tree (RFC 9162 §2.1)', () => {
  it('root of every size 0…300 equals the naive MTH', () => {
    expect(rootHash(0, within(0))).toEqual(EMPTY_ROOT);
    for (let n = 1; n <= MAX; n++) expect(rootHash(n, within(n))).toEqual(naive.root(n));
  });

  it('inclusion: every index of every size 1…300 equals the naive PATH and verifies', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (let n = 1; n <= MAX; n++) {
      const root = naive.root(n);
      for (let i = 0; i < n; i++) {
        const proof = inclusionProof(i, n, within(n));
        if (hex(proof) !== hex(naive.path(i, n))) wrong.push(`path ${i}/${n}`);
        if (!verifyInclusion(leaves[i], i, n, proof, root)) wrong.push(`verify ${i}/${n}`);
        checked++;
      }
    }
    expect(wrong).toEqual([]);
    expect(checked).toBe((MAX * (MAX + 1)) / 2);
  });

  it('consistency: every 0 < m ≤ n ≤ 128 equals the naive PROOF and verifies', () => {
    const wrong: string[] = [];
    for (let n = 1; n <= 128; n++) {
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(m, n, within(n));
        if (hex(proof) !== hex(naive.proof(m, n))) wrong.push(`proof ${m}→${n}`);
        if (!verifyConsistency(m, n, proof, naive.root(m), naive.root(n))) wrong.push(`verify ${m}→${n}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('consistency and inclusion for random larger sizes', () => {
    const sizes = fc
      .integer({ min: 1, max: data.length })
      .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 1, max: n }), fc.integer({ min: 0, max: n - 1 })));
    fc.assert(
      fc.property(sizes, ([n, m, i]) => {
        const proof = consistencyProof(m, n, within(n));
        expect(hex(proof)).toBe(hex(naive.proof(m, n)));
        expect(verifyConsistency(m, n, proof, naive.root(m), naive.root(n))).toBe(true);
        expect(hex(inclusionProof(i, n, within(n)))).toBe(hex(naive.path(i, n)));
      }),
      { numRuns: 300 },
    );
  });

  it('empty proofs at the edges: m = n, and m = 0 (every tree extends the empty one)', () => {
    expect(consistencyProof(7, 7, all)).toEqual([]);
    expect(consistencyProof(0, 7, all)).toEqual([]);
    expect(verifyConsistency(0, 7, [], EMPTY_ROOT, naive.root(7))).toBe(true);
    expect(inclusionProof(0, 1, all)).toEqual([]);
    expect(verifyInclusion(leaves[0], 0, 1, [], leaves[0])).toBe(true);
  });

  it('refuses indices and sizes outside the tree', () => {
    expect(() => inclusionProof(5, 5, all)).toThrow(RangeError);
    expect(() => inclusionProof(-1, 5, all)).toThrow(RangeError);
    expect(() => consistencyProof(6, 5, all)).toThrow(RangeError);
    expect(() => rootHash(1.5, all)).toThrow(RangeError);
    expect(() => memoryNodeReader(leaves.slice(0, 3))(1, 1)).toThrow(RangeError);
  });

  it('nodesNeeded lists exactly what a proof reads, so one batch read suffices', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.nat(), (n, seed) => {
        const i = seed % n;
        const m = 1 + (seed % n);
        for (const compute of [(r: NodeReader) => inclusionProof(i, n, r), (r: NodeReader) => consistencyProof(m, n, r)]) {
          const ids = nodesNeeded(compute);
          const fetched = new Map(ids.map(([l, x]) => [`${l}:${x}`, all(l, x)]));
          const only: NodeReader = (l, x) => fetched.get(`${l}:${x}`) ?? fail(`unexpected read (${l}, ${x})`);
          expect(hex(compute(only))).toBe(hex(compute(within(n))));
          expect(ids.length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(n + 1)));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('stays exact past 2^32 leaves (no 32-bit bit operators)', () => {
    // A tree whose leaves are all equal: each level has one hash, so any size can be read. Such a
    // tree cannot show a wrong index (mirror-image paths hash alike), only the proof's length.
    const levels = [leafHash(Buffer.from('same'))];
    for (let l = 1; l <= 53; l++) levels.push(nodeHash(levels[l - 1], levels[l - 1]));
    const uniform: NodeReader = (level) => levels[level];
    for (const [index, size] of [
      [2 ** 33 + 5, 2 ** 40 + 3],
      [2 ** 40 + 2, 2 ** 40 + 3],
      [0, 2 ** 52 + 1],
    ]) {
      const root = rootHash(size, uniform);
      const proof = inclusionProof(index, size, uniform);
      expect(verifyInclusion(levels[0], index, size, proof, root)).toBe(true);
      expect(verifyInclusion(levels[0], index, size, proof.slice(1), root)).toBe(false);
      expect(verifyInclusion(levels[0], index, size, [...proof, levels[0]], root)).toBe(false);
      const m = Math.floor(size / 3);
      expect(verifyConsistency(m, size, consistencyProof(m, size, uniform), rootHash(m, uniform), root)).toBe(true);
    }
  });
});

function fail(message: string): never {
  throw new Error(message);
}

import fc from 'fast-check';
import { canonicalBytes } from './canonical';
import { consistencyProof, inclusionProof, leafHash, memoryNodeReader, rootHash } from './merkle';
import { verifyConsistency, verifyInclusion } from './merkle-verify';

/** Tampering: the verifiers must refuse any changed byte, element, index or root (§1.15 Tests). */
const records = Array.from({ length: 400 }, (_, i) => ({ id: BigInt(i + 1), action: 'payment.confirm', details: { i } }));
const leaves = records.map((r) => leafHash(canonicalBytes(r)));
const read = memoryNodeReader(leaves);
const roots = Array.from({ length: leaves.length + 1 }, (_, n) => rootHash(n, read));

/** A copy with one bit flipped: the smallest possible change to a byte. */
function flip(bytes: Buffer, at: number, bit: number): Buffer {
  const copy = Buffer.from(bytes);
  copy[at % copy.length] ^= 1 << bit;
  return copy;
}

const treeAndIndex = fc.integer({ min: 1, max: leaves.length }).chain((n) => fc.tuple(fc.constant(n), fc.nat(n - 1)));
const anyByte = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 }));

describe('inclusion proofs refuse tampering', () => {
  it('a changed byte in the record, the leaf hash, a proof element or the root', () => {
    fc.assert(
      fc.property(treeAndIndex, anyByte, fc.nat(), ([n, i], [at, bit], which) => {
        const proof = inclusionProof(i, n, read);
        expect(verifyInclusion(leaves[i], i, n, proof, roots[n])).toBe(true);
        const tamperedRecord = leafHash(flip(canonicalBytes(records[i]), at, bit));
        expect(verifyInclusion(tamperedRecord, i, n, proof, roots[n])).toBe(false);
        expect(verifyInclusion(flip(leaves[i], at, bit), i, n, proof, roots[n])).toBe(false);
        expect(verifyInclusion(leaves[i], i, n, proof, flip(roots[n], at, bit))).toBe(false);
        if (proof.length > 0) {
          const k = which % proof.length;
          const bad = proof.map((p, j) => (j === k ? flip(p, at, bit) : p));
          expect(verifyInclusion(leaves[i], i, n, bad, roots[n])).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('another index of the same tree (exhaustive for sizes ≤ 64)', () => {
    const accepted: string[] = [];
    for (let n = 1; n <= 64; n++) {
      for (let i = 0; i < n; i++) {
        const proof = inclusionProof(i, n, read);
        for (let j = 0; j < n + 2; j++) {
          if (j !== i && verifyInclusion(leaves[i], j, n, proof, roots[n])) accepted.push(`${i} as ${j} of ${n}`);
        }
      }
    }
    expect(accepted).toEqual([]);
  });

  it('a proof element dropped, added, or two swapped', () => {
    fc.assert(
      fc.property(treeAndIndex, fc.nat(), ([n, i], k) => {
        const proof = inclusionProof(i, n, read);
        expect(verifyInclusion(leaves[i], i, n, [...proof, leaves[0]], roots[n])).toBe(false);
        if (proof.length === 0) return;
        expect(
          verifyInclusion(
            leaves[i],
            i,
            n,
            proof.filter((_, j) => j !== k % proof.length),
            roots[n],
          ),
        ).toBe(false);
        if (proof.length < 2) return;
        const swapped = [...proof];
        [swapped[0], swapped[1]] = [swapped[1], swapped[0]];
        expect(verifyInclusion(leaves[i], i, n, swapped, roots[n])).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('another tree size, whenever the size changes the path; the size itself is bound by the signed checkpoint', () => {
    // RFC 9162's root does not encode the size: a size whose path has the same shape (e.g. leaf 0
    // of 3 vs of 4) verifies the same proof. That is why verifiers take size and root together
    // from one signed checkpoint, never the size from the requester.
    expect(verifyInclusion(leaves[0], 0, 4, inclusionProof(0, 3, read), roots[3])).toBe(true);
    fc.assert(
      fc.property(treeAndIndex, fc.integer({ min: 1, max: leaves.length }), ([n, i], other) => {
        fc.pre(other !== n && i < other);
        const proof = inclusionProof(i, n, read);
        if (inclusionProof(i, other, read).length !== proof.length) {
          expect(verifyInclusion(leaves[i], i, other, proof, roots[n])).toBe(false);
        }
        expect(verifyInclusion(leaves[i], i, other, proof, roots[other])).toBe(i < n && roots[n].equals(roots[other]));
      }),
      { numRuns: 300 },
    );
  });

  it('hostile shapes: wrong hash lengths, negative or fractional numbers, index ≥ size', () => {
    const proof = inclusionProof(3, 10, read);
    expect(verifyInclusion(leaves[3], 3, 10, [...proof.slice(0, -1), Buffer.alloc(31)], roots[10])).toBe(false);
    expect(verifyInclusion(leaves[3].subarray(1), 3, 10, proof, roots[10])).toBe(false);
    expect(verifyInclusion(leaves[3], -1, 10, proof, roots[10])).toBe(false);
    expect(verifyInclusion(leaves[3], 3.5, 10, proof, roots[10])).toBe(false);
    expect(verifyInclusion(leaves[3], 10, 10, proof, roots[10])).toBe(false);
    expect(verifyInclusion(leaves[3], 3, Number.MAX_SAFE_INTEGER + 2, proof, roots[10])).toBe(false);
  });
});

describe('consistency proofs refuse tampering', () => {
  const sizes = fc.integer({ min: 2, max: leaves.length }).chain((n) => fc.tuple(fc.integer({ min: 1, max: n - 1 }), fc.constant(n)));

  it('a changed byte in either root or in a proof element', () => {
    fc.assert(
      fc.property(sizes, anyByte, fc.nat(), ([m, n], [at, bit], which) => {
        const proof = consistencyProof(m, n, read);
        expect(verifyConsistency(m, n, proof, roots[m], roots[n])).toBe(true);
        expect(verifyConsistency(m, n, proof, flip(roots[m], at, bit), roots[n])).toBe(false);
        expect(verifyConsistency(m, n, proof, roots[m], flip(roots[n], at, bit))).toBe(false);
        const k = which % proof.length;
        expect(
          verifyConsistency(
            m,
            n,
            proof.map((p, j) => (j === k ? flip(p, at, bit) : p)),
            roots[m],
            roots[n],
          ),
        ).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('a dropped or added element, an empty proof, or the roots of other sizes', () => {
    fc.assert(
      fc.property(sizes, fc.integer({ min: 1, max: leaves.length }), ([m, n], other) => {
        const proof = consistencyProof(m, n, read);
        expect(verifyConsistency(m, n, proof.slice(1), roots[m], roots[n])).toBe(false);
        expect(verifyConsistency(m, n, [...proof, leaves[0]], roots[m], roots[n])).toBe(false);
        expect(verifyConsistency(m, n, [], roots[m], roots[n])).toBe(false);
        if (other !== m) expect(verifyConsistency(m, n, proof, roots[other], roots[n])).toBe(false);
        if (other !== n) expect(verifyConsistency(m, n, proof, roots[m], roots[other])).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('a rewritten history: a tree whose first m leaves differ is not consistent', () => {
    fc.assert(
      fc.property(sizes, fc.nat(), ([m, n], seed) => {
        const forged = [...leaves.slice(0, n)];
        forged[seed % m] = leafHash(Buffer.from('forged'));
        const forgedRead = memoryNodeReader(forged);
        const forgedProof = consistencyProof(m, n, forgedRead);
        expect(verifyConsistency(m, n, forgedProof, roots[m], rootHash(n, forgedRead))).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('equal sizes need equal roots; a larger old size or size 0 with a proof is refused', () => {
    expect(verifyConsistency(5, 5, [], roots[5], roots[5])).toBe(true);
    expect(verifyConsistency(5, 5, [], roots[5], roots[6])).toBe(false);
    expect(verifyConsistency(5, 5, [roots[1]], roots[5], roots[5])).toBe(false);
    expect(verifyConsistency(6, 5, consistencyProof(5, 6, read), roots[6], roots[5])).toBe(false);
    expect(verifyConsistency(0, 5, [roots[1]], roots[0], roots[5])).toBe(false);
  });
});

import fc from 'fast-check';
import { appendLeaves, EMPTY_RANGE, rangeRoot, type CompactRange } from './compact-range';
import { EMPTY_ROOT, leafHash, memoryNodeReader, rootHash } from './merkle';

const leaves = Array.from({ length: 1100 }, (_, i) => leafHash(Buffer.from(`record ${i}`)));
const read = memoryNodeReader(leaves);
const popcount = (n: number): number => n.toString(2).split('1').length - 1;

describe('compact range (the sealer state)', () => {
  it('its root equals MTH after every append, for sizes 0…1100 one leaf at a time', () => {
    expect(rangeRoot(EMPTY_RANGE)).toEqual(EMPTY_ROOT);
    let range = EMPTY_RANGE;
    const wrong: number[] = [];
    for (let n = 1; n <= leaves.length; n++) {
      range = appendLeaves(range, [leaves[n - 1]]);
      if (!rangeRoot(range).equals(rootHash(n, read))) wrong.push(n);
      expect(range.hashes.length).toBe(popcount(n));
    }
    expect(wrong).toEqual([]);
  });

  it('appending in any batches gives the same range, and reports each completed subtree once', () => {
    const batches = fc.array(fc.integer({ min: 0, max: 70 }), { minLength: 1, maxLength: 15 });
    fc.assert(
      fc.property(batches, (sizes) => {
        let range: CompactRange = EMPTY_RANGE;
        const reported = new Map<string, Buffer>();
        for (const k of sizes) {
          const before = range.size;
          let internal = 0;
          range = appendLeaves(range, leaves.slice(before, before + k), (level, index, hash) => {
            const key = `${level}:${index}`;
            if (reported.has(key)) throw new Error(`${key} reported twice`);
            reported.set(key, hash);
            if (level > 0) internal++;
          });
          // The O(k + log n) promise: node hashes = k + popcount(n) − popcount(n + k).
          expect(internal).toBe(range.size - before + popcount(before) - popcount(range.size));
          expect(rangeRoot(range).equals(rootHash(range.size, read))).toBe(true);
        }
        // Every complete subtree of the final tree was reported, with the right hash.
        // (Buffer.equals, not toEqual: jest's deep equality over thousands of Buffers takes seconds.)
        const wrong = [...reported].filter(([key, hash]) => {
          const [level, index] = key.split(':').map(Number);
          return !hash.equals(read(level, index));
        });
        expect(wrong).toEqual([]);
        expect(reported.size).toBe(2 * range.size - popcount(range.size));
      }),
      { numRuns: 100 },
    );
  });

  it('leaves the range it was given untouched', () => {
    const three = appendLeaves(EMPTY_RANGE, leaves.slice(0, 3));
    const copy = { size: three.size, hashes: [...three.hashes] };
    appendLeaves(three, leaves.slice(3, 9));
    expect(three).toEqual(copy);
  });

  it('refuses a damaged range or a leaf hash of the wrong length', () => {
    const three = appendLeaves(EMPTY_RANGE, leaves.slice(0, 3));
    expect(() => rangeRoot({ size: 4, hashes: three.hashes })).toThrow(RangeError);
    expect(() => appendLeaves({ size: 3, hashes: three.hashes.slice(1) }, [])).toThrow(RangeError);
    expect(() => appendLeaves(three, [Buffer.alloc(20)])).toThrow(RangeError);
  });
});

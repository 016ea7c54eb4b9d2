import fc from 'fast-check';
import { canonicalBytes, CanonicalizationError, toCanonicalValue } from './canonical';

const text = (value: unknown): string => canonicalBytes(value).toString('utf8');

describe('canonical record bytes (RFC 8785)', () => {
  it('RFC 8785 §3.2.2 example: numbers, string escapes, literals, key order', () => {
    const input = JSON.parse(
      '{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],' +
        '"string":"\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/","literals":[null,true,false]}',
    );
    expect(text(input)).toBe('{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' + '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}');
  });

  it('RFC 8785 §3.2.3 sorting: keys by UTF-16 code units, not code points or locale', () => {
    // The RFC's keys, escaped so no editor can normalise them: U+20AC, CR, U+FB33, "1", U+1F600, U+0080, U+00F6.
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    expect(text(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
        '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('maps bigint to its decimal string and Date to ISO-8601 UTC', () => {
    const record = { id: 9007199254740993n, at: new Date(Date.UTC(2026, 11, 1, 3, 7, 55, 120)), nested: [{ n: 1n }] };
    expect(text(record)).toBe('{"at":"2026-12-01T03:07:55.120Z","id":"9007199254740993","nested":[{"n":"1"}]}');
  });

  it('leaves out undefined properties, as an absent optional field', () => {
    expect(text({ a: 1, b: undefined })).toBe(text({ a: 1 }));
  });

  it('keeps a "__proto__" key as data', () => {
    expect(text(JSON.parse('{"__proto__":{"x":1},"a":2}'))).toBe('{"__proto__":{"x":1},"a":2}');
  });

  it.each([
    ['NaN', { x: NaN }],
    ['Infinity', { x: Infinity }],
    ['a lone surrogate', { x: 'a\uD800b' }],
    ['a lone surrogate in a key', { ['\uDC00']: 1 }],
    ['an invalid date', { x: new Date('nope') }],
    ['undefined in an array', [1, undefined]],
    ['a function', { f: () => 1 }],
    ['a symbol', { s: Symbol('x') }],
    ['a Buffer', { b: Buffer.from('x') }],
    ['a Map', { m: new Map() }],
    ['undefined itself', undefined],
  ])('refuses %s', (_, value) => {
    expect(() => canonicalBytes(value)).toThrow(CanonicalizationError);
  });

  it('refuses a cycle but accepts one object twice', () => {
    const shared = { k: 1 };
    expect(text({ a: shared, b: shared })).toBe('{"a":{"k":1},"b":{"k":1}}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalBytes(cyclic)).toThrow(CanonicalizationError);
  });

  it('is independent of key insertion order and parses back to the mapped value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const bytes = canonicalBytes(value);
        const reordered = JSON.parse(JSON.stringify(value), (_, v) =>
          v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
        );
        expect(canonicalBytes(reordered)).toEqual(bytes);
        expect(JSON.parse(bytes.toString('utf8'))).toEqual(toCanonicalValue(value));
      }),
      { numRuns: 300 },
    );
  });
});

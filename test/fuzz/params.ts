import { OMIT, RawJson, uuidFrom } from './values';

/** Percent-encodes as a browser would, except that a lone surrogate becomes its (invalid) 3-byte UTF-8 form. */
export function encodeComponent(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) out += [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    else out += encodeURIComponent(ch);
  }
  return out;
}

export const PATH_MUTATIONS = (real: string, rand: () => number): [string, string][] => [
  ['random uuid', uuidFrom(rand)],
  ['nil uuid', '00000000-0000-0000-0000-000000000000'],
  ['not a uuid', 'not-a-uuid'],
  ['-1', '-1'],
  ['real + %00', `${encodeComponent(real)}%00`],
  ['invalid UTF-8 %ED%A0%80', '%ED%A0%80'],
  ['invalid UTF-8 %FF', '%FF'],
  ['real + RLO %E2%80%AE', `${encodeComponent(real)}%E2%80%AE`],
  ['lone %', '%'],
  ['dot segments ..%2F', '..%2F..%2Fv1%2Fme'],
  ['encoded slash', 'a%2Fb'],
  ['8,000 chars', 'a'.repeat(8000)],
  ['real upper-cased', encodeComponent(real.toUpperCase())],
  ['JSON object', encodeComponent('{"$gt":""}')],
];

export const HEADER_MUTATIONS = (rand: () => number): [string, string][] => [
  ['empty', ''],
  ['blank', '   '],
  ['8,000 chars', 'a'.repeat(8000)],
  ['latin-1 byte ÿ', '\u00ff'],
  ['uuid', uuidFrom(rand)],
  ['HTML', '<script>alert(1)</script>'],
];

/** How a query parameter carries a mutated value: repeated for arrays, bracketed for objects. */
export function queryPairs(name: string, value: unknown): string[] | null {
  if (value === OMIT) return [];
  if (value === null) return [encodeComponent(name)];
  if (value instanceof RawJson) return value.text.length > 8000 ? null : [`${name}=${encodeComponent(value.text)}`];
  if (Array.isArray(value)) return value.length > 50 ? null : value.length ? value.map((v) => `${name}=${encodeComponent(String(v))}`) : [`${name}[]=`];
  if (typeof value === 'object')
    return Object.keys(value).length ? Object.entries(value).map(([k, v]) => `${name}[${encodeComponent(k)}]=${encodeComponent(String(v))}`) : [`${name}[]=`];
  const text = encodeComponent(String(value));
  return text.length > 8000 ? null : [`${name}=${text}`];
}

import { effective, type Schema } from './openapi';

/** A small seeded generator (mulberry32): the same seed gives the same case list on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function uuidFrom(rand: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(rand() * 4)]!;
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** JSON text spliced in verbatim where this value stands (deep nesting, duplicate or `__proto__` keys). */
export class RawJson {
  constructor(readonly text: string) {}
}
/** The field is left out of its object. */
export const OMIT = Symbol('omit');

export const deepArray = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
export const deepObject = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

/** Characters a human-entered string must not smuggle in (issue 12): controls, bidi, invisibles, broken UTF-16. */
export const HOSTILE_CHARS: [string, string][] = [
  ['NUL', '\u0000'],
  ['BEL', '\u0007'],
  ['ESC', '\u001b'],
  ['DEL', '\u007f'],
  ['NEL U+0085', '\u0085'],
  ['newline', '\n'],
  ['RLO U+202E…U+202C', '\u202e4321\u202c'],
  ['LRI U+2066…U+2069', '\u20661234\u2069'],
  ['ZWSP U+200B', '\u200b'],
  ['ZWJ U+200D', '\u200d'],
  ['BOM U+FEFF', '\ufeff'],
  ['lone surrogate U+D800', '\ud800'],
  ['combining U+0301 (NFD)', 'e\u0301'],
  ['emoji (4-byte UTF-8)', '\u{1F600}'],
  ['full-width digits', '\uff11\uff12\uff13'],
  ['HTML', '<b>x</b><script>alert(1)</script>'],
];

const NUMERIC_STRINGS = ['-1', '9007199254740993', '1e308', 'NaN'];
const DATES = ['0000-01-01', '-000001-01-01', '275760-09-14', '2026-02-30', '1970-01-01T00:00:00+25:00'];
const UUIDS = ['00000000-0000-0000-0000-000000000000', 'not-a-uuid'];
const PATTERN_CANDIDATES = ['fuzz', '123456', '1', '0', 'abc', 'e30=', '971240001315', 'KZ86125KZT5004100100'];

/**
 * Human-entered text (names, purposes, reasons, passwords) gets every hostile character; a
 * structured value (code, IBAN, amount, e-mail, phone, date, enum) is refused by its format
 * anyway, so a few stand for the rest and numeric boundaries are tried instead.
 */
const isFreeText = (s: Schema) =>
  !s.enum && !s.pattern && !s.format && !/IBAN|BIN|BIC|KBE|KNP|KZT|phone|e-mail|amount|decimal|digits|YYYY|A-Z/i.test(s.description ?? '');
const STRUCTURED_HOSTILE = ['NUL', 'RLO U+202E…U+202C', 'ZWSP U+200B', 'lone surrogate U+D800', 'full-width digits'];

const looksLikeDate = (name: string, s: Schema) => /date|time/.test(s.format ?? '') || /^(from|to)$|At$|Date$/.test(name);

/** A value the schema accepts, as far as types, enums, formats, examples and simple patterns go. */
export function baseline(raw: Schema, name: string, rand: () => number): unknown {
  const s = effective(raw);
  if (s.examples?.length) return s.examples[0];
  if (s.example !== undefined) return s.example;
  if (s.enum?.length) return s.enum[0];
  if (s.default !== undefined && typeof s.default !== 'object') return s.default;
  switch (s.type) {
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: Math.max(s.minItems ?? 1, 1) }, () => baseline(s.items ?? {}, name, rand));
    case 'object':
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, v]) => [k, baseline(v, k, rand)]));
    default:
      if (s.format === 'uuid') return uuidFrom(rand);
      if (looksLikeDate(name, s)) return s.format === 'date-time' ? '2026-01-15T10:00:00.000Z' : '2026-01-15';
      if (s.format === 'email') return 'fuzz@example.kz';
      if (s.pattern) {
        const re = new RegExp(s.pattern);
        const fit = PATTERN_CANDIDATES.find((c) => re.test(c));
        if (fit) return fit;
      }
      return 'fuzz'.padEnd(s.minLength ?? 4, 'z');
  }
}

export interface Mutation {
  label: string;
  value: unknown;
}

const m = (label: string, value: unknown): Mutation => ({ label, value });
const insertMiddle = (base: string, c: string) => base.slice(0, Math.ceil(base.length / 2)) + c + base.slice(Math.ceil(base.length / 2));

/** The hostile values for one field: wrong types, boundaries, hostile text, lengths, formats, absence. */
export function mutationsFor(raw: Schema, name: string, base: unknown, required: boolean, opts: { huge: boolean }): Mutation[] {
  const s = effective(raw);
  const out: Mutation[] = [m('null', null)];
  if (required) out.push(m('missing required', OMIT));
  const type = s.type ?? (typeof base === 'string' ? 'string' : undefined);
  if (s.enum?.length) {
    const first = String(s.enum[0]);
    out.push(m('unknown enum value', 'FUZZ_UNKNOWN'), m('enum lower-cased', first.toLowerCase() === first ? first.toUpperCase() : first.toLowerCase()));
    out.push(m('enum + NUL', `${first}\u0000`), m('enum + space', `${first} `));
  }
  if (type === 'string') {
    const b = typeof base === 'string' && base.length ? base : 'fuzz';
    const text = isFreeText(s);
    out.push(m('number 1.5', 1.5), m('boolean true', true), m('array of string', [b]), m('object', { $gt: '' }));
    out.push(m('deep array 10000', new RawJson(deepArray(10_000))));
    for (const [label, c] of text ? HOSTILE_CHARS : HOSTILE_CHARS.filter(([l]) => STRUCTURED_HOSTILE.includes(l)))
      out.push(m(`text with ${label}`, insertMiddle(b, c)));
    if (!text) for (const n of NUMERIC_STRINGS) out.push(m(`numeric string ${JSON.stringify(n)}`, n));
    out.push(m('only NUL', '\u0000'), m('empty string', ''), m('blank', '   '));
    if (s.minLength && s.minLength > 1) out.push(m(`minLength-1 (${s.minLength - 1})`, 'a'.repeat(s.minLength - 1)));
    if (s.maxLength !== undefined) out.push(m(`maxLength+1 (${s.maxLength + 1})`, 'a'.repeat(s.maxLength + 1)));
    out.push(m('60,000 chars (under the body limit)', 'a'.repeat(60_000)));
    if (text) out.push(m('20,000 Cyrillic chars', 'Ж'.repeat(20_000)));
    if (opts.huge) out.push(m('1 MB string', 'a'.repeat(1 << 20)));
    if (looksLikeDate(name, s)) for (const d of DATES) out.push(m(`date ${d}`, d));
    if (s.format === 'uuid' || /id$/i.test(name)) for (const u of UUIDS) out.push(m(`uuid-ish ${u}`, u));
  } else if (type === 'integer' || type === 'number') {
    out.push(m('string', 'fuzz'), m('numeric string', '1'), m('boolean', true), m('array', [1]), m('object', {}));
    out.push(m('0', 0), m('-1', -1), m('2^53', 2 ** 53), m('2^53+2', 2 ** 53 + 2), m('1e308', 1e308), m('-1e308', -1e308));
    out.push(m('1.5', 1.5), m('"NaN"', 'NaN'), m('huge literal 1e400', new RawJson('1e400')));
    if (s.minimum !== undefined) out.push(m(`minimum-1 (${s.minimum - 1})`, s.minimum - 1));
    if (s.maximum !== undefined) out.push(m(`maximum+1 (${s.maximum + 1})`, s.maximum + 1));
  } else if (type === 'boolean') {
    out.push(m('"true"', 'true'), m('1', 1), m('0', 0), m('"yes"', 'yes'), m('array', [true]), m('object', {}));
  } else if (type === 'array') {
    const item = Array.isArray(base) && base.length ? base[0] : null;
    out.push(m('object', {}), m('string', 'fuzz'), m('number', 0), m('empty array', []), m('[null]', [null]));
    out.push(
      m(
        '1000 items',
        Array.from({ length: 1000 }, () => item),
      ),
      m('deep array 10000', new RawJson(deepArray(10_000))),
    );
    if (s.maxItems !== undefined && s.maxItems < 20_000)
      out.push(
        m(
          `maxItems+1 (${s.maxItems + 1})`,
          Array.from({ length: s.maxItems + 1 }, () => item),
        ),
      );
  } else if (type === 'object' || s.properties) {
    out.push(m('array', []), m('string', 'fuzz'), m('number', 0), m('empty object', {}));
    if (base && typeof base === 'object' && !Array.isArray(base)) out.push(m('unknown extra key', { ...base, fuzzExtra: 'x' }));
    out.push(m('deep object 10000', new RawJson(deepObject(10_000))));
  } else {
    out.push(m('string', 'fuzz'), m('number', 0), m('object', {}), m('deep array 10000', new RawJson(deepArray(10_000))));
  }
  return out;
}

/** JSON text of `value`, with RawJson fragments spliced in and OMIT fields dropped. */
export function toJson(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_k, v) => {
    if (v === OMIT) return undefined;
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `\u0001raw${raws.length - 1}\u0001`;
    }
    return v;
  });
  return (text ?? '').replace(/"\\u0001raw(\d+)\\u0001"/g, (_all, i: string) => raws[Number(i)]!);
}

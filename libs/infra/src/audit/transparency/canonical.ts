import canonicalize from 'canonicalize';

/**
 * The bytes a leaf commits to: the audit record in the JSON Canonicalization Scheme of RFC 8785
 * (keys sorted by UTF-16 code units, ECMAScript number and string serialisation, no whitespace),
 * UTF-8 encoded (§3.2.4). Serialisation is the `canonicalize` package by the RFC's co-author;
 * it is pinned to the 2.x line, the last CommonJS one: 3.x+ are ES-module only (jest here loads
 * CommonJS) and 5.x needs Node 22. Its output for our inputs is checked against RFC 8785's own
 * example in canonical.spec.ts.
 *
 * Before serialising, values are mapped to I-JSON (RFC 7493), which JCS requires (§3.1), and
 * anything else is refused, so two processes can never hash one record differently:
 * - bigint → its decimal string (BIGINT ids would lose digits as JSON numbers past 2^53);
 * - Date → `toISOString()` (UTC, millisecond precision, e.g. "2026-12-01T03:07:55.000Z");
 * - object properties whose value is undefined are left out, as JSON.stringify does, so an
 *   optional field absent and undefined hash the same;
 * - refused: NaN/±Infinity, lone UTF-16 surrogates (§3.2.2.2), invalid dates, undefined inside
 *   arrays, functions, symbols, Buffers, Maps and other non-plain objects, cycles.
 */
export type CanonicalValue = null | boolean | number | string | CanonicalValue[] | { [key: string]: CanonicalValue };

export class CanonicalizationError extends Error {
  readonly code = 'AUDIT.NOT_CANONICALIZABLE';
  constructor(path: string, reason: string) {
    super(`audit record ${path}: ${reason}`);
  }
}

/** RFC 8785 bytes of `record` after the mapping above. */
export function canonicalBytes(record: unknown): Buffer {
  const text = canonicalize(toCanonicalValue(record));
  if (text === undefined) throw new CanonicalizationError('$', 'has no JSON form');
  return Buffer.from(text, 'utf8');
}

/** The I-JSON value `canonicalBytes` serialises; exported so callers can inspect the mapping. */
export function toCanonicalValue(value: unknown, path = '$', open = new Set<object>()): CanonicalValue {
  switch (typeof value) {
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalizationError(path, `${value} is not a JSON number`);
      return value === 0 ? 0 : value; // -0 serialises as 0 anyway (§3.2.2.3); say so in the value too
    case 'string':
      if (LONE_SURROGATE.test(value)) throw new CanonicalizationError(path, 'contains a lone UTF-16 surrogate');
      return value;
    case 'bigint':
      return value.toString(10);
    case 'object':
      break;
    default:
      throw new CanonicalizationError(path, `a ${typeof value} has no JSON form`);
  }
  if (value === null) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new CanonicalizationError(path, 'is an invalid date');
    return value.toISOString();
  }
  if (open.has(value)) throw new CanonicalizationError(path, 'is a cycle');
  open.add(value);
  try {
    if (Array.isArray(value)) {
      return value.map((item, i) => {
        if (item === undefined) throw new CanonicalizationError(`${path}[${i}]`, 'is undefined');
        return toCanonicalValue(item, `${path}[${i}]`, open);
      });
    }
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new CanonicalizationError(path, `a ${proto?.constructor?.name ?? 'non-plain'} object has no agreed JSON form`);
    }
    const out: { [key: string]: CanonicalValue } = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined) continue;
      if (LONE_SURROGATE.test(key)) throw new CanonicalizationError(path, 'has a key with a lone UTF-16 surrogate');
      // defineProperty, not assignment: a "__proto__" key (JSON.parse makes one) must stay data.
      Object.defineProperty(out, key, {
        value: toCanonicalValue(item, `${path}.${key}`, open),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  } finally {
    open.delete(value); // the same object twice (not nested in itself) is fine
  }
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

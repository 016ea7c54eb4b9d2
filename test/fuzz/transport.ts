import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Operation } from './openapi';
import { deepArray, deepObject } from './values';

export interface TransportVariant {
  mutation: string;
  headers: Record<string, string>;
  body: Buffer;
}

const JSON_LIMIT = 64 * 1024;
/** The payload codec's own, larger limit (apps/api/src/bootstrap.ts). */
const CODEC_LIMIT = 8 * 1024 * 1024;

let bomb: Buffer | undefined;
/** 20 MB of JSON whitespace in about 20 kB of gzip: decompression must stop at the limit. */
const gzipBomb = () => (bomb ??= gzipSync(Buffer.concat([Buffer.from('{"a":"'), Buffer.alloc(20 << 20, 0x61), Buffer.from('"}')])));
const brotliOf = (body: Buffer) => brotliCompressSync(body);

const ct = (type: string) => ({ 'content-type': type });

/** Abuse of the HTTP envelope rather than of a field: sizes, nesting, syntax, media types, encodings, request ids. */
export function transportVariants(op: Operation, goodJson: Buffer): TransportVariant[] {
  const limit = op.path.startsWith('/codec/') ? CODEC_LIMIT : JSON_LIMIT;
  const json = ct('application/json');
  const v = (mutation: string, body: Buffer | string, headers: Record<string, string> = json): TransportVariant => ({
    mutation,
    headers,
    body: typeof body === 'string' ? Buffer.from(body) : body,
  });
  return [
    v(`huge body (limit ${limit} + 1 kB)`, JSON.stringify({ pad: 'x'.repeat(limit + 1024) })),
    v('deep JSON array, 10,000 levels', deepArray(10_000)),
    v('deep JSON object, 10,000 levels', deepObject(10_000)),
    // Within the codec's 8 MB limit a far deeper document is parsed.
    ...(limit > JSON_LIMIT ? [v('deep JSON array, 1,000,000 levels', deepArray(1_000_000))] : []),
    v('malformed JSON: truncated', '{"a":'),
    v('malformed JSON: trailing comma', '{"a":1,}'),
    v('malformed JSON: single quotes', "{'a':1}"),
    v('JSON with invalid UTF-8 bytes', Buffer.concat([Buffer.from('{"a":"'), Buffer.from([0xff, 0xfe, 0xc0, 0x80]), Buffer.from('"}')])),
    v('empty body as JSON', ''),
    v('wrong content-type text/plain', goodJson, ct('text/plain')),
    v('wrong content-type form-urlencoded', 'a=1&b[c]=2&__proto__[x]=1', ct('application/x-www-form-urlencoded')),
    v('wrong content-type multipart without boundary', goodJson, ct('multipart/form-data')),
    v('JSON declared as UTF-16', goodJson, ct('application/json; charset=utf-16')),
    v('JSON with unknown charset', goodJson, ct('application/json; charset=fuzz-8')),
    v('Content-Encoding: gzip, body not gzip', goodJson, { ...json, 'content-encoding': 'gzip' }),
    v('Content-Encoding: br, body not brotli', goodJson, { ...json, 'content-encoding': 'br' }),
    v('Content-Encoding: unknown', goodJson, { ...json, 'content-encoding': 'x-fuzz' }),
    v('Content-Encoding: gzip bomb (20 MB inflated)', gzipBomb(), { ...json, 'content-encoding': 'gzip' }),
    v('Content-Encoding: br, valid brotli', brotliOf(goodJson), { ...json, 'content-encoding': 'br' }),
    v('X-Request-Id: HTML', goodJson, { ...json, 'x-request-id': '<script>alert(1)</script>' }),
    v('X-Request-Id: 1,000 chars', goodJson, { ...json, 'x-request-id': 'r'.repeat(1000) }),
  ];
}

import { Agent, request } from 'node:http';
import type { FuzzRequest } from './cases';

export interface Outcome {
  status?: number;
  /** `timeout` when no answer came within the deadline, else the socket error's code. */
  error?: string;
  ms: number;
  contentType: string;
  requestId: string | null;
  bodyBytes: number;
  excerpt: string;
}

export interface Finding {
  op: string;
  mutation: string;
  as: string;
  method: string;
  url: string;
  status: number | string;
  kinds: string[];
  excerpt: string;
}

const KEEP = 2048;

/** Sends one request over loopback and reads its answer, giving up at the deadline. */
export function send(baseUrl: string, agent: Agent, req: FuzzRequest, deadlineMs: number): Promise<Outcome> {
  const started = Date.now();
  const target = new URL(baseUrl);
  return new Promise((resolve) => {
    const done = (o: Omit<Outcome, 'ms'>) => resolve({ ...o, ms: Date.now() - started });
    const failed = (error: string) => done({ error, contentType: '', requestId: null, bodyBytes: 0, excerpt: '' });
    const headers = { ...req.headers, ...(req.body ? { 'content-length': String(req.body.length) } : {}) };
    let r;
    try {
      r = request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent, signal: AbortSignal.timeout(deadlineMs) },
        (res) => {
          const chunks: Buffer[] = [];
          let bytes = 0;
          res.on('data', (c: Buffer) => {
            bytes += c.length;
            if (bytes - c.length < KEEP) chunks.push(c);
          });
          res.on('end', () =>
            done({
              status: res.statusCode,
              contentType: String(res.headers['content-type'] ?? ''),
              requestId: (res.headers['x-request-id'] as string | undefined) ?? null,
              bodyBytes: bytes,
              excerpt: Buffer.concat(chunks).toString('utf8').slice(0, KEEP),
            }),
          );
          res.on('error', (e: NodeJS.ErrnoException) => failed(e.name === 'AbortError' ? 'timeout' : (e.code ?? e.message)));
        },
      );
    } catch (e) {
      failed(`client refused to send: ${(e as Error).message}`);
      return;
    }
    r.on('error', (e: NodeJS.ErrnoException) => failed(e.name === 'AbortError' ? 'timeout' : (e.code ?? e.message)));
    r.end(req.body);
  });
}

/** An error body this large can only be an echo of the request (issue 12 §6). */
const MAX_ERROR_BODY = 16 * 1024;

/** What is wrong with an answer, by the suite's rules; empty when it is fine. */
export function judge(o: Outcome): string[] {
  if (o.error === 'timeout') return ['no answer within the deadline'];
  if (o.error) return [`no HTTP answer (${o.error})`];
  const status = o.status!;
  const kinds: string[] = [];
  if (status >= 500) kinds.push('5xx');
  if (status >= 400 && status < 500 && !o.contentType.includes('application/problem+json'))
    kinds.push(`4xx not problem+json (${o.contentType || 'no content-type'})`);
  if (status >= 400 && !o.requestId) kinds.push('error without X-Request-Id');
  if (status >= 400 && o.bodyBytes > MAX_ERROR_BODY) kinds.push(`error body of ${o.bodyBytes} bytes (echoes the request?)`);
  return kinds;
}

/** Runs `work` over `items`, pulled lazily in order, with at most `limit` in flight. */
export async function pool<T>(items: Iterable<T>, limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const source = items[Symbol.iterator]();
  const runner = async () => {
    for (let next = source.next(); !next.done; next = source.next()) await work(next.value);
  };
  await Promise.all(Array.from({ length: limit }, runner));
}

/** Text safe to print: the fuzz's own credentials never appear in a report. */
export function redact(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) if (s) out = out.split(s).join('<redacted>');
  return out.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

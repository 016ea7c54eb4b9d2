import type { IncomingMessage, ServerResponse } from 'node:http';
import { assignRequestId } from './request-id';

const exchange = (headers: Record<string, string> = {}) => {
  const set: Record<string, unknown> = {};
  const req = { headers } as unknown as IncomingMessage & { id?: unknown };
  const res = { setHeader: (k: string, v: unknown) => (set[k] = v) } as unknown as ServerResponse;
  return { req, res, set };
};

describe('request ids', () => {
  it('keeps a plain caller id, replaces anything else, and echoes it', () => {
    const plain = exchange({ 'x-request-id': 'trace-0123456' });
    expect(assignRequestId(plain.req, plain.res)).toBe('trace-0123456');
    expect(plain.set['X-Request-Id']).toBe('trace-0123456');
    const odd = exchange({ 'x-request-id': 'has spaces <b>' });
    expect(assignRequestId(odd.req, odd.res)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('assigns once: pino-http, running later, keeps the id the first middleware gave', () => {
    const { req, res } = exchange();
    const first = assignRequestId(req, res);
    expect(assignRequestId(req, res)).toBe(first);
  });
});

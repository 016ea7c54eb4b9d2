import { randomUUID } from 'node:crypto';
import { STATUS_CODES, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { problem } from '../common/problem';

/** Node's HTTP parser errors: what the client did wrong, in our words. */
const PARSER_PROBLEMS: Record<string, [number, string, string]> = {
  HPE_HEADER_OVERFLOW: [431, 'REQUEST.HEADERS_TOO_LARGE', 'request line or headers too large'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'REQUEST.TIMEOUT', 'request not received in time'],
};
const MALFORMED: [number, string, string] = [400, 'REQUEST.MALFORMED_HTTP', 'malformed HTTP request'];

/**
 * A request Node's HTTP parser refuses (a 20 kB URL, broken framing) never reaches Express, so
 * Node would answer a bare 431/400 without a body or request id. This answers it as every other
 * error is answered: problem+json with X-Request-Id and the security headers that matter here.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, code, detail] = PARSER_PROBLEMS[error.code ?? ''] ?? MALFORMED;
    const body = JSON.stringify(problem(status, detail, { code }));
    socket.end(
      [
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
        'Content-Type: application/problem+json; charset=utf-8',
        `Content-Length: ${Buffer.byteLength(body)}`,
        `X-Request-Id: ${randomUUID()}`,
        'Cache-Control: no-store',
        'X-Content-Type-Options: nosniff',
        'Referrer-Policy: no-referrer',
        'Strict-Transport-Security: max-age=31536000; includeSubDomains',
        "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'",
        'Connection: close',
        '',
        body,
      ].join('\r\n'),
    );
  });
}

import { spawn } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { ROOT } from './temporal';

/** Builds the reference cabinet (apps/cabinet) with Vite into `outDir`; about 2 s. Always React's production build (.env says NODE_ENV=development). */
export function buildCabinet(outDir: string): Promise<void> {
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const args = [vite, 'build', '--config', join(ROOT, 'apps', 'cabinet', 'vite.config.mts')];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: 'production', CABINET_OUT_DIR: outDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', fail);
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`vite build failed (${code}):\n${output}`))));
  });
}

export interface CabinetServer {
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

// The bundle loads only its own files and talks only to its own origin (/v1 is proxied below).
// No Referer leaves the page: the registration link's token is in its path.
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/**
 * Serves a built cabinet on loopback and forwards /v1 to the API, so the browser sees one origin
 * and the API needs no CORS. Unknown paths get index.html (the cabinet routes in the browser:
 * /register/<token>, /payments/<id>…).
 */
export function serveCabinet(opts: { dir: string; port: number; apiUrl: string; host?: string }): Promise<CabinetServer> {
  const root = resolve(opts.dir);
  const api = new URL(opts.apiUrl);
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/v1/') || req.url === '/v1') return proxy(api, req, res);
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET, HEAD' }).end();
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://cabinet').pathname);
    } catch {
      return void res.writeHead(400).end();
    }
    const file = normalize(join(root, path));
    const asset = file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile() ? file : join(root, 'index.html');
    res.writeHead(200, {
      ...PAGE_HEADERS,
      'content-type': TYPES[extname(asset)] ?? 'application/octet-stream',
      // Hashed file names under assets/ never change; the page itself is always re-read.
      'cache-control': asset.startsWith(join(root, 'assets') + sep) ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(asset).pipe(res);
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      done({
        url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
        close: () => new Promise((closed) => (server.closeAllConnections(), server.close(() => closed()))),
      });
    });
  });
}

/** Streams one call to the API as it came, adding the caller to X-Forwarded-For as a proxy should. */
function proxy(api: URL, req: IncomingMessage, res: ServerResponse): void {
  const forwarded = [req.headers['x-forwarded-for'], req.socket.remoteAddress].filter(Boolean).join(', ');
  const upstream = httpRequest(
    { host: api.hostname, port: api.port, method: req.method, path: req.url, headers: { ...req.headers, host: api.host, 'x-forwarded-for': forwarded } },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.once('error', () => {
    if (res.headersSent) return void res.destroy();
    res
      .writeHead(502, { 'content-type': 'application/problem+json' })
      .end(JSON.stringify({ type: 'about:blank', title: 'Bad Gateway', status: 502, detail: 'the API does not answer', code: 'SERVICE.UNAVAILABLE' }));
  });
  req.pipe(upstream);
}

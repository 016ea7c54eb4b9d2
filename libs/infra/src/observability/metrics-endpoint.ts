import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A route of the operations endpoint: status and body, and the body's content type. */
export type OpsRoute = () => Promise<{ status: number; body: string; contentType: string }>;

export interface OpsEndpoint {
  server: Server;
  /** `http://host:port` as bound (port 0 becomes the port the OS chose). */
  url: string;
  close(): Promise<void>;
}

/**
 * A small HTTP server for operations only (/metrics, /health): GET on exact paths, nothing
 * else, no body read. It listens on its own host and port — loopback by default — so the
 * cabinet-facing listener never answers these paths and a scrape never waits behind requests.
 */
export async function startOpsEndpoint(host: string, port: number, routes: Record<string, OpsRoute>): Promise<OpsEndpoint> {
  const server = createServer((req: IncomingMessage, res) => {
    const route = req.method === 'GET' ? routes[(req.url ?? '').split('?')[0]!] : undefined;
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    route().then(
      ({ status, body, contentType }) => res.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body),
      (error: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${error.message}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => (server.off('error', reject), resolve()));
  });
  const bound = server.address() as AddressInfo;
  const shown = bound.family === 'IPv6' ? `[${bound.address}]` : bound.address;
  return {
    server,
    url: `http://${shown}:${bound.port}`,
    close: () => new Promise((resolve) => (server.close(() => resolve()), server.closeAllConnections())),
  };
}

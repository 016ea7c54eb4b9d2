import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A loopback TCP proxy to put between the service and PostgreSQL, so a spec can
 * make the database unreachable without touching the server others use. `cut()`
 * drops every open connection and then black-holes new ones — accepted, never
 * answered — as a network partition looks to a client: only its own timeouts end
 * the wait. `restore()` forwards again.
 */
export class TcpProxy {
  private server: Server | null = null;
  private readonly open = new Set<Socket>();
  private down = false;

  constructor(private readonly target: { host: string; port: number }) {}

  async listen(): Promise<number> {
    this.server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as { port: number }).port;
  }

  cut(): void {
    this.down = true;
    for (const socket of this.open) socket.destroy();
    this.open.clear();
  }

  restore(): void {
    this.down = false;
    // Held (black-holed) connections never reached the server: end them, their clients reconnect.
    for (const socket of this.open) socket.destroy();
    this.open.clear();
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  private accept(client: Socket): void {
    this.track(client);
    if (this.down) return; // black hole: the client waits for an answer that never comes
    const upstream = connect(this.target.port, this.target.host);
    this.track(upstream);
    client.pipe(upstream).pipe(client);
    const end = () => (client.destroy(), upstream.destroy());
    client.once('close', end);
    upstream.once('close', end);
  }

  private track(socket: Socket): void {
    this.open.add(socket);
    socket.on('error', () => undefined);
    socket.once('close', () => this.open.delete(socket));
  }
}

import { AddressInfo, createServer, Server, Socket, connect } from 'net';

/**
 * A TCP proxy in front of the shared MariaDB or Redis, so a test can take a service away from one
 * application (and only from it): `cut()` drops every connection and refuses new ones, as a
 * stopped server does; `restore()` accepts connections again on the same port.
 */
export class TcpProxy {
  private server: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly targetPort: number, private readonly targetHost = '127.0.0.1') {
    this.server = this.newServer();
  }

  async start(): Promise<this> {
    await this.listen(0);
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async cut(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  async restore(): Promise<void> {
    if (this.server.listening) return;
    this.server = this.newServer();
    await this.listen(this.port);
  }

  async stop(): Promise<void> {
    if (this.server.listening) await this.cut();
  }

  private listen(port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
  }

  private newServer(): Server {
    return createServer((client) => {
      const upstream = connect(this.targetPort, this.targetHost);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.pipe(upstream).pipe(client);
    });
  }
}

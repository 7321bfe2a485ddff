import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo } from 'net';

export interface ReceivedDelivery {
  headers: IncomingMessage['headers'];
  rawBody: string;
  body: { deliveryId: string; type: string; createdAt: string; data: Array<Record<string, unknown>> };
  status: number;
}

/** Decides the answer to a delivery (its status; a delay holds the answer back). */
export type Responder = (delivery: Omit<ReceivedDelivery, 'status'>, index: number) => number | { status: number; delayMs: number };

/** A real HTTP receiver on a loopback port: records every delivery and answers as the test says. */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  private server?: Server;
  private respond: Responder = () => 200;
  port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  /** The deliveries answered 2xx. */
  get accepted(): ReceivedDelivery[] {
    return this.received.filter((d) => d.status >= 200 && d.status < 300);
  }

  answer(responder: Responder): this {
    this.respond = responder;
    return this;
  }

  async start(port = this.port): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  /** Data items of accepted deliveries of this type (a redelivered one counts once per delivery id). */
  items(type: string): Array<Record<string, unknown>> {
    const seen = new Set<string>();
    return this.accepted.filter((d) => d.body.type === type && !seen.has(d.body.deliveryId) && seen.add(d.body.deliveryId)).flatMap((d) => d.body.data);
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const delivery = { headers: req.headers, rawBody: raw, body: JSON.parse(raw) };
      const decided = this.respond(delivery, this.received.length);
      const { status, delayMs } = typeof decided === 'number' ? { status: decided, delayMs: 0 } : decided;
      this.received.push({ ...delivery, status });
      setTimeout(() => {
        if (!res.destroyed) res.writeHead(status, { 'Content-Type': 'text/plain' }).end('ok');
      }, delayMs);
    });
  }
}

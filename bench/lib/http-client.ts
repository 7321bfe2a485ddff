import * as http from 'http';
import { performance } from 'perf_hooks';

export interface HttpResult {
  status: number;
  body: string;
  /** From `startedAt` (or the moment of sending) to the last byte of the answer. */
  ms: number;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  /** A pre-serialised JSON string (load phases build bodies ahead of time) or an object. */
  body?: string | object;
  /** performance.now() the latency counts from; open-loop load passes the scheduled time. */
  startedAt?: number;
}

/** Keep-alive HTTP/1.1 to the app; no limit on sockets, so an open-loop schedule is never throttled here. */
export class HttpClient {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, maxFreeSockets: 256 });
  private readonly host: string;
  private readonly port: number;

  constructor(baseUrl: string) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
  }

  request(method: string, path: string, options: RequestOptions = {}): Promise<HttpResult> {
    const started = options.startedAt ?? performance.now();
    const payload = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    const headers: Record<string, string | number> = { ...options.headers };
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    return new Promise((resolve, reject) => {
      const req = http.request({ host: this.host, port: this.port, method, path, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
        res.on('error', reject);
      });
      req.on('error', reject);
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  /** A request whose answer must have the expected status; returns the parsed JSON. */
  async json<T>(method: string, path: string, expected: number, options: RequestOptions = {}): Promise<T> {
    const res = await this.request(method, path, options);
    if (res.status !== expected) throw new Error(`${method} ${path}: HTTP ${res.status} (expected ${expected}): ${res.body.slice(0, 500)}`);
    return JSON.parse(res.body) as T;
  }

  close(): void {
    this.agent.destroy();
  }
}

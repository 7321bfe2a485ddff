import { ChildProcess, spawn } from 'child_process';
import { createWriteStream } from 'fs';
import * as path from 'path';
import { freePort, PrivateMariaDb, PrivateRedis, until } from './private-stack';

const ROOT = path.resolve(__dirname, '../../..');
export const ADMIN_KEY = 'faults-admin-key';
export const DB_NAME = 'bonus_faults';

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  ms: number;
  retryAfter: string | null;
}

/** One engine process (`node dist/src/main.js`, built by `npm run build`) against the private stack. */
export class EngineProcess {
  private child?: ChildProcess;

  constructor(
    readonly role: 'api' | 'worker',
    private readonly stack: { db: PrivateMariaDb; redis: PrivateRedis; logDir: string },
    readonly port = 0,
  ) {}

  static async api(stack: { db: PrivateMariaDb; redis: PrivateRedis; logDir: string }): Promise<EngineProcess> {
    const api = new EngineProcess('api', stack, await freePort());
    await api.start();
    return api;
  }

  static async worker(stack: { db: PrivateMariaDb; redis: PrivateRedis; logDir: string }): Promise<EngineProcess> {
    const worker = new EngineProcess('worker', stack);
    await worker.start();
    return worker;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get alive(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    const log = createWriteStream(path.join(this.stack.logDir, `${this.role}.log`), { flags: 'a' });
    const child = spawn(process.execPath, [path.join(ROOT, 'dist/src/main.js')], {
      cwd: ROOT,
      env: {
        ...process.env, ROLE: this.role, ...(this.port ? { PORT: String(this.port) } : {}), DB_HOST: '127.0.0.1', DB_PORT: String(this.stack.db.port), DB_USER: 'root',
        DB_PASSWORD: '', DB_NAME, REDIS_HOST: '127.0.0.1', REDIS_PORT: String(this.stack.redis.port), REDIS_DB: '0', QUEUE_PREFIX: 'faults',
        ADMIN_API_KEY: ADMIN_KEY, LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let started = false;
    child.stdout?.on('data', (chunk: Buffer) => {
      log.write(chunk);
      if (chunk.toString().includes('bonus-engine')) started = true;
    });
    child.stderr?.pipe(log);
    await until(async () => started || child.exitCode !== null, 90000, `the ${this.role} process to start`);
    if (!started) throw new Error(`The ${this.role} process exited with ${child.exitCode}; see ${this.stack.logDir}`);
  }

  kill(): Promise<void> {
    const child = this.child;
    if (!child || !this.alive) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  /** One HTTP call, timed; a call that gets no answer within `timeoutMs` fails the test. */
  async call(method: string, route: string, body?: unknown, headers: Record<string, string> = {}, timeoutMs = 30000): Promise<Answer> {
    const started = Date.now();
    const res = await fetch(`http://127.0.0.1:${this.port}${route}`, {
      method, headers: { 'Content-Type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : {}, ms: Date.now() - started, retryAfter: res.headers.get('retry-after') };
  }

  command(apiKey: string, body: Record<string, unknown>, timeoutMs?: number): Promise<Answer> {
    return this.call('POST', '/api/commands', body, { 'X-Api-Key': apiKey }, timeoutMs);
  }

  admin(method: string, route: string, body?: unknown): Promise<Answer> {
    return this.call(method, route, body, { 'X-Api-Key': ADMIN_KEY });
  }
}

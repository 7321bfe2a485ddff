import { ChildProcess, execFile, spawn } from 'child_process';
import { mkdtempSync, rmSync } from 'fs';
import { AddressInfo, createServer } from 'net';
import { tmpdir } from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { createConnection } from 'mysql2/promise';
import Redis from 'ioredis';

const run = promisify(execFile);

/** A free port: any the system hands out, or the next free one of FAULTS_PORT_RANGE (e.g. `17700-17799`). */
export async function freePort(): Promise<number> {
  const [from, to] = (process.env.FAULTS_PORT_RANGE ?? '0-0').split('-').map(Number);
  for (let candidate = from; candidate <= to; candidate++) {
    const port = await listenOn(candidate).catch(() => null);
    if (port !== null && !taken.has(port)) {
      taken.add(port);
      return port;
    }
  }
  throw new Error(`No free port in ${process.env.FAULTS_PORT_RANGE}`);
}

const taken = new Set<number>();

async function listenOn(port: number): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return bound;
}

/** Polls until `check` resolves truthy, or fails after `timeoutMs`. */
export async function until<T>(check: () => Promise<T | null | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => null);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function stop(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** A redis-server of its own on a free port, without persistence: a restart loses everything, as in production without AOF. */
export class PrivateRedis {
  private child?: ChildProcess;

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.up();
    return redis;
  }

  async up(): Promise<void> {
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await until(async () => {
      const client = new Redis({ port: this.port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      client.on('error', () => undefined);
      try {
        await client.connect();
        return (await client.ping()) === 'PONG';
      } finally {
        client.disconnect();
      }
    }, 20000, 'redis-server to answer');
  }

  /** kill -9: everything Redis held is gone. */
  kill(): Promise<void> {
    return stop(this.child, 'SIGKILL');
  }

  async flush(): Promise<void> {
    const client = new Redis({ port: this.port });
    await client.flushall();
    client.disconnect();
  }
}

/** A mariadbd of its own, initialised in a temporary directory, root over TCP without a password. */
export class PrivateMariaDb {
  private child?: ChildProcess;

  private constructor(readonly port: number, private readonly dir: string) {}

  static async start(): Promise<PrivateMariaDb> {
    const dir = mkdtempSync(path.join(tmpdir(), 'bonus-faults-mariadb-'));
    await run('mariadb-install-db', [
      '--no-defaults', '--auth-root-authentication-method=normal', `--datadir=${path.join(dir, 'data')}`, '--user=root', '--skip-test-db',
    ]);
    const db = new PrivateMariaDb(await freePort(), dir);
    await db.up();
    return db;
  }

  async up(): Promise<void> {
    this.child = spawn('mariadbd', [
      '--no-defaults', `--datadir=${path.join(this.dir, 'data')}`, `--port=${this.port}`, `--socket=${path.join(this.dir, 's.sock')}`,
      '--user=root', '--skip-log-bin', '--bind-address=127.0.0.1', '--innodb-buffer-pool-size=128M', '--max-connections=300',
    ], { stdio: 'ignore' });
    await until(() => this.query('SELECT 1').then(() => true), 60000, 'mariadbd to accept connections');
  }

  kill(): Promise<void> {
    return stop(this.child, 'SIGKILL');
  }

  async query<T = Array<Record<string, unknown>>>(sql: string, params: unknown[] = [], database?: string): Promise<T> {
    const connection = await createConnection({ host: '127.0.0.1', port: this.port, user: 'root', database, supportBigNumbers: true, bigNumberStrings: true });
    try {
      return (await connection.query(sql, params))[0] as T;
    } finally {
      await connection.end();
    }
  }

  async destroy(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

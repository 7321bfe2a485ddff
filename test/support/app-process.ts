import { ChildProcess, spawn } from 'child_process';
import { createServer } from 'net';
import * as path from 'path';
import { testConfig } from './test-config';
import { waitFor } from './test-app';

/** The real `main.ts` in a child process (its own logs, server and start-up), on the test database and queue prefix. */
export interface AppProcess {
  baseUrl: string;
  pid: number;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** The JSON log lines written so far. */
  logLines(): Array<Record<string, unknown>>;
  stop(): Promise<void>;
  /** Kills the process at once (SIGKILL): no shutdown hook runs, whatever it was doing is cut off. */
  kill(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startAppProcess(env: Record<string, string> = {}): Promise<AppProcess> {
  const config = testConfig();
  const port = String(await freePort());
  const child: ChildProcess = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', path.resolve(__dirname, '../../src/main.ts')], {
    env: {
      ...process.env, DB_NAME: config.db.name, QUEUE_PREFIX: config.queuePrefix, ADMIN_API_KEY: config.adminApiKey,
      LOG_LEVEL: 'info', ROLE: 'api', PORT: port, ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  let exited = false;
  child.once('exit', () => (exited = true));
  const started = /listening on|worker started/;
  await waitFor(async () => {
    if (exited) throw new Error(`The app exited during start-up:\n${output}`);
    return started.test(output);
  }, 60000, 'the app process to start');
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    output: () => output,
    logLines: () => output.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line)),
    stop: async () => {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 10000))]);
      if (!exited) child.kill('SIGKILL');
    },
    kill: async () => {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await gone;
    },
  };
}

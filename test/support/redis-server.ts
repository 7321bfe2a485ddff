import { ChildProcess, spawn } from 'child_process';
import Redis from 'ioredis';
import { freePort } from './app-process';
import { waitFor } from './test-app';

/** A private `redis-server` without persistence, so an outage can be caused without touching the shared one. */
export interface PrivateRedis {
  port: number;
  /** kill -9: every connection drops, nothing is saved. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty (nothing to do while it runs). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    if (child) return;
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await waitFor(async () => {
      const probe = new Redis({ port, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on('error', () => undefined);
      try {
        await probe.connect();
        return (await probe.ping()) === 'PONG';
      } catch {
        return false;
      } finally {
        probe.disconnect();
      }
    }, 20000, `redis-server on port ${port}`);
  };
  const kill = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const gone = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await gone;
  };
  await start();
  return { port, kill, restart: start, stop: kill };
}

import { execFileSync } from 'child_process';
import Redis from 'ioredis';
import * as os from 'os';
import { RedisSettings } from './queues';

export interface MachineFacts {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  kernel: string;
  node: string;
  npm: string;
  mariadb: Record<string, string>;
  redis: string;
  loadAverageAtStart: number[];
}

async function redisVersion(redis: RedisSettings): Promise<string> {
  const client = new Redis({ host: redis.host, port: redis.port, db: redis.db });
  try {
    const info = await client.info('server');
    return /redis_version:(\S+)/.exec(info)?.[1] ?? 'unknown';
  } finally {
    client.disconnect();
  }
}

function npmVersion(): string {
  try {
    return execFileSync('npm', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

/** The code measured: the commit and any uncommitted changes under src/ (the build includes them). */
export function sourceState(root: string): { commit: string; uncommittedSrc: string[] } {
  const git = (...args: string[]) => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  return {
    commit: git('rev-parse', '--short', 'HEAD') || 'unknown',
    uncommittedSrc: git('status', '--porcelain', '--', 'src').split('\n').filter(Boolean),
  };
}

export async function machineFacts(mariadb: Record<string, string>, redis: RedisSettings): Promise<MachineFacts> {
  return {
    cores: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    npm: npmVersion(),
    mariadb,
    redis: await redisVersion(redis),
    loadAverageAtStart: os.loadavg().map((v) => Math.round(v * 100) / 100),
  };
}

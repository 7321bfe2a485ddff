import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import { HttpClient } from './http-client';

export interface AppSettings {
  root: string;
  port: number;
  role: 'all' | 'api' | 'worker';
  dbName: string;
  queuePrefix: string;
  adminApiKey: string;
  logFile: string;
  /** Write a V8 CPU profile of the whole process into this folder when it stops. */
  cpuProfileDir?: string;
}

/**
 * The app as a child process, started as `npm start` starts it (`node <its flags> dist/src/main.js`).
 * With a CPU profile, node runs the same entry point from `-e` with a SIGUSR2 handler that exits
 * normally, because V8 writes the profile only on a normal exit and the app's own shutdown hooks
 * end it with the signal.
 */
export class AppProcess {
  private exitCode: number | null = null;
  private readonly exited: Promise<number | null>;

  private constructor(private readonly child: ChildProcess, readonly settings: AppSettings) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => {
      this.exitCode = code ?? (signal ? 128 : null);
      resolve(this.exitCode);
    }));
  }

  static async start(settings: AppSettings): Promise<AppProcess> {
    const env = {
      ...process.env,
      PORT: String(settings.port),
      WORKER_PORT: String(settings.port),
      ROLE: settings.role,
      DB_NAME: settings.dbName,
      QUEUE_PREFIX: settings.queuePrefix,
      ADMIN_API_KEY: settings.adminApiKey,
      LOG_LEVEL: 'warn',
    };
    const flags = startFlags(settings.root);
    const args = settings.cpuProfileDir
      ? [...flags, '--cpu-prof', `--cpu-prof-dir=${settings.cpuProfileDir}`, '-e', "process.on('SIGUSR2',()=>process.exit(0));require('./dist/src/main.js')"]
      : [...flags, 'dist/src/main.js'];
    const log = fs.openSync(settings.logFile, 'a');
    const child = spawn(process.execPath, args, { cwd: settings.root, env, stdio: ['ignore', log, log] });
    fs.closeSync(log);
    const app = new AppProcess(child, settings);
    await app.waitForHealth();
    return app;
  }

  get pid(): number {
    return this.child.pid as number;
  }

  get running(): boolean {
    return this.exitCode === null && this.child.exitCode === null;
  }

  /** Resident set size of the app process in kB (VmRSS), or null once it is gone. */
  rssKb(): number | null {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      return match ? Number(match[1]) : null;
    } catch {
      return null;
    }
  }

  private async waitForHealth(timeoutMs = 90000): Promise<void> {
    const http = new HttpClient(`http://127.0.0.1:${this.settings.port}`);
    const deadline = Date.now() + timeoutMs;
    try {
      while (Date.now() < deadline) {
        if (!this.running) throw new Error(`the app exited while starting (code ${this.exitCode}):\n${this.logTail()}`);
        try {
          const res = await http.request('GET', '/health');
          if (res.status === 200) return;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`the app did not answer /health within ${timeoutMs / 1000} s:\n${this.logTail()}`);
    } finally {
      http.close();
    }
  }

  logTail(lines = 20): string {
    try {
      return fs.readFileSync(this.settings.logFile, 'utf8').trim().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }

  /** Stops the app (SIGTERM, or SIGUSR2 to save the profile); SIGKILL if it is still there after the grace period. */
  async stop(graceMs = 20000): Promise<number | null> {
    if (!this.running) return this.exitCode;
    this.child.kill(this.settings.cpuProfileDir ? 'SIGUSR2' : 'SIGTERM');
    const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), graceMs).unref());
    if ((await Promise.race([this.exited, timer])) === 'timeout') {
      this.child.kill('SIGKILL');
      await this.exited;
    }
    return this.exitCode;
  }
}

/** The node flags of `npm start` (package.json), so the bench runs the app as a deployment does. */
function startFlags(root: string): string[] {
  const start: string = JSON.parse(fs.readFileSync(`${root}/package.json`, 'utf8')).scripts.start;
  const match = /^node\s+(.*?)\s*dist\/src\/main\.js$/.exec(start);
  if (!match) throw new Error(`package.json's start script is not "node [flags] dist/src/main.js": ${start}`);
  return match[1].split(/\s+/).filter(Boolean);
}

import * as path from 'path';
import { AppProcess, AppSettings } from './app-process';

/**
 * How the bench runs the app: `single` is one `ROLE=all` process, as `npm start` runs it; `split`
 * is the deployment the README recommends at scale, one `ROLE=api` process serving the calls and
 * one `ROLE=worker` process draining the queues, on the same database and queues.
 */
export const DEPLOYMENTS = ['single', 'split'] as const;
export type Deployment = (typeof DEPLOYMENTS)[number];

type Shared = Omit<AppSettings, 'role' | 'port' | 'logFile'>;

/** The app's processes, seen by the bench as one app: its CPU, memory and logs are theirs together. */
export class AppDeployment {
  private constructor(readonly kind: Deployment, private readonly processes: AppProcess[]) {}

  /**
   * Starts the processes one after the other (the first applies the migrations); the API listens on
   * `port`, a worker's health and metrics on `port + 1`. Log files are `<logBase>-<role>.log`.
   */
  static async start(kind: Deployment, shared: Shared, port: number, logBase: string): Promise<AppDeployment> {
    const roles: Array<AppSettings['role']> = kind === 'single' ? ['all'] : ['api', 'worker'];
    const started: AppProcess[] = [];
    try {
      for (const [i, role] of roles.entries()) {
        started.push(await AppProcess.start({ ...shared, role, port: port + i, logFile: `${logBase}-${role}.log` }));
      }
    } catch (error) {
      await Promise.all(started.map((p) => p.stop()));
      throw error;
    }
    return new AppDeployment(kind, started);
  }

  get pids(): number[] {
    return this.processes.map((p) => p.pid);
  }

  get running(): boolean {
    return this.processes.every((p) => p.running);
  }

  /** What the processes hold together (VmRSS, kB), or null once one is gone. */
  rssKb(): number | null {
    let total = 0;
    for (const p of this.processes) {
      const kb = p.rssKb();
      if (kb === null) return null;
      total += kb;
    }
    return total;
  }

  describe(): string {
    return this.processes.map((p) => `${p.settings.role} pid ${p.pid} (log ${path.basename(p.settings.logFile)})`).join(', ');
  }

  logTail(lines = 20): string {
    return this.processes.map((p) => `[${p.settings.role}]\n${p.logTail(lines)}`).join('\n');
  }

  async stop(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.stop()));
  }
}

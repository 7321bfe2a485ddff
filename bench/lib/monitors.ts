import * as fs from 'fs';
import * as os from 'os';

const TIMELINE_WINDOW_MS = 10_000;

/** Samples a process's VmRSS on a fixed interval: the peak, the mean, and the peak of every 10 s window. */
export class RssSampler {
  private timer: NodeJS.Timeout | null = null;
  peakKb = 0;
  samples = 0;
  private totalKb = 0;
  private readonly startedAt = Date.now();
  private readonly windows: number[] = [];

  constructor(private readonly read: () => number | null, private readonly intervalMs = 200) {}

  start(): this {
    const sample = () => {
      const kb = this.read();
      if (kb === null) return;
      this.samples += 1;
      this.totalKb += kb;
      this.peakKb = Math.max(this.peakKb, kb);
      const window = Math.floor((Date.now() - this.startedAt) / TIMELINE_WINDOW_MS);
      this.windows[window] = Math.max(this.windows[window] ?? 0, kb);
    };
    sample();
    this.timer = setInterval(sample, this.intervalMs);
    return this;
  }

  stop(): { peakMb: number; meanMb: number; samples: number; peakMbPer10s: number[] } {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const mb = (kb: number) => Math.round(kb / 102.4) / 10;
    return {
      peakMb: mb(this.peakKb),
      meanMb: this.samples ? mb(this.totalKb / this.samples) : 0,
      samples: this.samples,
      peakMbPer10s: Array.from(this.windows, (kb) => mb(kb ?? 0)),
    };
  }
}

const TICKS_PER_SECOND = 100;

function processTicks(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

function machineTicks(): { busy: number; total: number } {
  const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = fields[3] + (fields[4] ?? 0);
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

export function findPid(command: string): number | null {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === command) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}

export interface CpuShare {
  /** Percent of one core, averaged over the phase (2 cores = 200 %). */
  app: number;
  mariadb: number;
  redis: number;
  harness: number;
  /** Everything else busy on the machine: other people's work shows up here. */
  other: number;
  idle: number;
}

/**
 * Who used the CPU during a phase: the app, MariaDB, Redis, this harness, and the rest of the
 * machine — which tells whether someone else's work shared the cores during a measurement.
 */
export class CpuMonitor {
  private readonly pids: Record<'mariadb' | 'redis' | 'harness', number | null>;

  constructor(private readonly appPids: () => number[]) {
    this.pids = { mariadb: findPid('mariadbd'), redis: findPid('redis-server'), harness: process.pid };
  }

  begin(): () => CpuShare {
    const appPids = this.appPids();
    const appTicks = () => appPids.reduce((sum, pid) => sum + processTicks(pid), 0);
    const start = { machine: machineTicks(), app: appTicks(), ...this.processes() };
    const startedAt = Date.now();
    return () => {
      const seconds = (Date.now() - startedAt) / 1000;
      const end = { machine: machineTicks(), app: appTicks(), ...this.processes() };
      const pct = (ticks: number) => Math.round((ticks / TICKS_PER_SECOND / Math.max(seconds, 0.001)) * 1000) / 10;
      const share = {
        app: pct(end.app - start.app),
        mariadb: pct(end.mariadb - start.mariadb),
        redis: pct(end.redis - start.redis),
        harness: pct(end.harness - start.harness),
      };
      const busy = pct(end.machine.busy - start.machine.busy);
      const cores = os.cpus().length;
      return {
        ...share,
        other: Math.max(0, Math.round((busy - share.app - share.mariadb - share.redis - share.harness) * 10) / 10),
        idle: Math.max(0, Math.round((cores * 100 - busy) * 10) / 10),
      };
    };
  }

  private processes() {
    return {
      mariadb: this.pids.mariadb ? processTicks(this.pids.mariadb) : 0,
      redis: this.pids.redis ? processTicks(this.pids.redis) : 0,
      harness: processTicks(process.pid),
    };
  }
}

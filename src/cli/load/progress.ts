import { SingleBar } from 'cli-progress';
import { basename } from 'path';

export interface ProgressSource {
  file: string;
  size: number;
  bytesRead: () => number;
  /** Events sent and accepted so far, and final outcomes. */
  counts: () => { sent: number; processed: number; rejected: number; failed: number };
}

/**
 * Progress of one file: a bar on a terminal (bytes read, events sent and processed, rate, ETA),
 * otherwise one plain line every `intervalSeconds`, which logs well from cron.
 */
export class LoadProgress {
  private bar: SingleBar | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly started = Date.now();
  private readonly sentAtStart: number;

  constructor(
    private readonly source: ProgressSource,
    private readonly terminal: boolean,
    private readonly intervalSeconds: number,
  ) {
    this.sentAtStart = source.counts().sent;
  }

  start(): void {
    if (this.terminal) {
      this.bar = new SingleBar({
        format: '{file} [{bar}] {percentage}% | sent {sent} | processed {processed} | rejected {rejected} | failed {failed} | {rate} events/s | ETA {eta_formatted}',
        stream: process.stderr,
        hideCursor: true,
        etaBuffer: 50,
      });
      this.bar.start(Math.max(this.source.size, 1), 0, this.payload());
      this.timer = setInterval(() => this.bar?.update(this.source.bytesRead(), this.payload()), 500);
    } else {
      this.timer = setInterval(() => process.stderr.write(`${this.line()}\n`), this.intervalSeconds * 1000);
    }
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.bar) {
      this.bar.update(this.source.bytesRead(), this.payload());
      this.bar.stop();
    }
  }

  private rate(): number {
    const seconds = (Date.now() - this.started) / 1000;
    return seconds > 0 ? Math.round((this.source.counts().sent - this.sentAtStart) / seconds) : 0;
  }

  private payload() {
    return { file: basename(this.source.file), ...this.source.counts(), rate: this.rate() };
  }

  private line(): string {
    const c = this.source.counts();
    const percent = Math.min(100, Math.floor((this.source.bytesRead() / Math.max(this.source.size, 1)) * 100));
    return `${new Date().toISOString()} ${basename(this.source.file)} ${percent}% read: sent ${c.sent}, processed ${c.processed}, ` +
      `rejected ${c.rejected}, failed ${c.failed}, ${this.rate()} events/s`;
  }
}

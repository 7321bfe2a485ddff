import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bull';

/** How often each worker checks that its repeatable jobs still exist in Redis. */
export const REPEATABLE_CHECK_MS = 5000;

/**
 * A repeatable Bull job that comes back by itself. Redis restarted without persistence (or
 * emptied) has lost every repeatable job, and the workers' start-up is the only other place that
 * adds them: so each worker checks every REPEATABLE_CHECK_MS and, when the job is gone, schedules
 * it again and runs it once at once, so the work it catches up on does not wait a whole period.
 * Adding is idempotent (Bull keys a repeatable job by name and interval), so every worker may do it.
 */
export class RepeatableJob {
  private readonly logger = new Logger(RepeatableJob.name);
  private timer?: NodeJS.Timeout;
  private checking = false;

  constructor(
    private readonly queue: Queue,
    private readonly name: string,
    private readonly every: number,
    private readonly keep: number,
  ) {}

  async start(): Promise<void> {
    await this.schedule();
    this.timer = setInterval(() => void this.restoreIfLost(), REPEATABLE_CHECK_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private async schedule(): Promise<void> {
    await this.queue.add(this.name, {}, { repeat: { every: this.every }, jobId: this.name, removeOnComplete: this.keep, removeOnFail: this.keep });
  }

  /** One check at a time: while Redis is down a check waits for the reconnection. */
  private async restoreIfLost(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      const scheduled = await this.queue.getRepeatableJobs();
      if (scheduled.some((job) => job.name === this.name && Number(job.every) === this.every)) return;
      await this.schedule();
      await this.queue.add(this.name, {}, { removeOnComplete: this.keep, removeOnFail: this.keep });
      this.logger.warn({ job: this.name }, 'Repeatable job lost from Redis: scheduled again and run now');
    } catch (error) {
      this.logger.warn({ job: this.name, err: error }, 'Could not check the repeatable job; checking again shortly');
    } finally {
      this.checking = false;
    }
  }
}

/**
 * A processor that keeps one repeatable job scheduled while the application runs: scheduled at
 * start (every worker adds the same one: Bull keys it by name and interval), watched until shutdown.
 */
export abstract class RepeatableJobProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly schedule: RepeatableJob;

  protected constructor(queue: Queue, name: string, every: number, keep: number) {
    this.schedule = new RepeatableJob(queue, name, every, keep);
  }

  onApplicationBootstrap(): Promise<void> {
    return this.schedule.start();
  }

  onApplicationShutdown(): void {
    this.schedule.stop();
  }
}

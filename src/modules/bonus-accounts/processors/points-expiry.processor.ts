import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, Queue } from 'bull';
import { JOBS, QUEUES } from '../../../common/queue/queues';
import { RepeatableJob } from '../../../common/queue/repeatable-job';
import { BonusAccountsService } from '../bonus-accounts.service';
import { ExpiryNoticesService } from '../expiry-notices.service';

/** How often the expiry job runs. */
export const POINTS_EXPIRY_EVERY_MS = 10 * 60 * 1000;

/** The scheduled points expiry: what is left of lots past `expiresAt` becomes expiry operations. */
@Processor(QUEUES.maintenance)
export class PointsExpiryProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PointsExpiryProcessor.name);
  private readonly schedule: RepeatableJob;

  constructor(
    private readonly accounts: BonusAccountsService,
    private readonly notices: ExpiryNoticesService,
    @InjectQueue(QUEUES.maintenance) queue: Queue,
  ) {
    this.schedule = new RepeatableJob(queue, JOBS.expirePoints, POINTS_EXPIRY_EVERY_MS, 100);
  }

  /** One repeatable job for all workers: Bull keys it by name and interval, so every start adds the same one. */
  onApplicationBootstrap(): Promise<void> {
    return this.schedule.start();
  }

  onApplicationShutdown(): void {
    this.schedule.stop();
  }

  @Process(JOBS.expirePoints)
  async expire(job: Job): Promise<void> {
    const started = Date.now();
    this.logger.log({ jobId: job.id }, 'Points expiry started');
    const report = await this.accounts.expirePoints(new Date());
    const notices = await this.notices.announce(new Date());
    this.logger.log({ jobId: job.id, ...report, notices, ms: Date.now() - started }, 'Points expiry finished');
  }
}

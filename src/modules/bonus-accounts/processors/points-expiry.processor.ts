import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Job, Queue } from 'bull';
import { JOBS, QUEUES } from '../../../common/queue/queues';
import { BonusAccountsService } from '../bonus-accounts.service';

/** How often the expiry job runs. */
export const POINTS_EXPIRY_EVERY_MS = 10 * 60 * 1000;

/** The scheduled points expiry: what is left of lots past `expiresAt` becomes expiry operations. */
@Processor(QUEUES.maintenance)
export class PointsExpiryProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(PointsExpiryProcessor.name);

  constructor(
    private readonly accounts: BonusAccountsService,
    @InjectQueue(QUEUES.maintenance) private readonly queue: Queue,
  ) {}

  /** One repeatable job for all workers: Bull keys it by name and interval, so every start adds the same one. */
  async onApplicationBootstrap(): Promise<void> {
    await this.queue.add(JOBS.expirePoints, {}, { repeat: { every: POINTS_EXPIRY_EVERY_MS }, jobId: JOBS.expirePoints, removeOnComplete: 100, removeOnFail: 100 });
  }

  @Process(JOBS.expirePoints)
  async expire(job: Job): Promise<void> {
    const started = Date.now();
    this.logger.log({ jobId: job.id }, 'Points expiry started');
    const report = await this.accounts.expirePoints(new Date());
    this.logger.log({ jobId: job.id, ...report, ms: Date.now() - started }, 'Points expiry finished');
  }
}

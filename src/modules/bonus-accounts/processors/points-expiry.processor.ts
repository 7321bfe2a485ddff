import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { Job, Queue } from 'bull';
import { JOBS, QUEUES } from '../../../common/queue/queues';
import { RepeatableJobProcessor } from '../../../common/queue/repeatable-job';
import { BonusAccountsService } from '../bonus-accounts.service';
import { ExpiryNoticesService } from '../expiry-notices.service';

/** How often the expiry job runs. */
export const POINTS_EXPIRY_EVERY_MS = 10 * 60 * 1000;

/** The scheduled points expiry: what is left of lots past `expiresAt` becomes expiry operations. */
@Processor(QUEUES.maintenance)
export class PointsExpiryProcessor extends RepeatableJobProcessor {
  private readonly logger = new Logger(PointsExpiryProcessor.name);

  constructor(
    private readonly accounts: BonusAccountsService,
    private readonly notices: ExpiryNoticesService,
    @InjectQueue(QUEUES.maintenance) queue: Queue,
  ) {
    super(queue, JOBS.expirePoints, POINTS_EXPIRY_EVERY_MS, 100);
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

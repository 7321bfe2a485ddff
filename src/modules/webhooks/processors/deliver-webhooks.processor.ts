import { InjectQueue, Process, Processor } from '@nestjs/bull';
import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Job, Queue } from 'bull';
import { JOBS, QUEUES } from '../../../common/queue/queues';
import { RepeatableJob } from '../../../common/queue/repeatable-job';
import { DeliveriesService } from '../deliveries.service';
import { DeliveryJob } from '../delivery-queue';
import { BatchJob } from '../domain/batch-kinds';

/** Deliveries sent at once by one worker process. */
export const DELIVERY_CONCURRENCY = 8;
/** How often the outbox reconciler looks for due deliveries whose job was lost. */
export const RECONCILE_WEBHOOKS_EVERY_MS = 10000;

/** Sends webhook deliveries, and every RECONCILE_WEBHOOKS_EVERY_MS queues again those a lost job left behind. */
@Processor(QUEUES.webhooks)
export class DeliverWebhooksProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliverWebhooksProcessor.name);
  private readonly schedule: RepeatableJob;

  constructor(
    private readonly deliveries: DeliveriesService,
    @InjectQueue(QUEUES.webhooks) queue: Queue,
  ) {
    this.schedule = new RepeatableJob(queue, JOBS.reconcileWebhooks, RECONCILE_WEBHOOKS_EVERY_MS, 10);
  }

  onApplicationBootstrap(): Promise<void> {
    return this.schedule.start();
  }

  onApplicationShutdown(): void {
    this.schedule.stop();
  }

  @Process({ name: JOBS.deliverWebhook, concurrency: DELIVERY_CONCURRENCY })
  deliver(job: Job<DeliveryJob>): Promise<void> {
    return this.deliveries.deliver(job.data.deliveryId);
  }

  @Process({ name: JOBS.sendWebhookBatches, concurrency: DELIVERY_CONCURRENCY })
  sendBatches(job: Job<BatchJob>): Promise<void> {
    return this.deliveries.sendDue(job.data);
  }

  @Process(JOBS.reconcileWebhooks)
  async reconcile(): Promise<void> {
    const requeued = await this.deliveries.requeueOverdue();
    if (requeued) this.logger.log({ requeued }, 'Webhook deliveries queued again');
  }
}

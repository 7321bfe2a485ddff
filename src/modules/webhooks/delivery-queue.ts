import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bull';
import { JOBS, QUEUES } from '../../common/queue/queues';
import { ENQUEUE_TIMEOUT_MS, withinTime } from '../../common/queue/within-time';
import { BatchJob, BatchKind } from './domain/batch-kinds';

export interface DeliveryJob {
  deliveryId: string;
}

/**
 * Jobs of the `webhooks` queue. A job is keyed by delivery and attempt, so adding the same attempt
 * twice (the reconciler finding a job that is only late) is a no-op while Bull holds the first.
 */
@Injectable()
export class DeliveryQueue {
  private readonly logger = new Logger(DeliveryQueue.name);

  constructor(@InjectQueue(QUEUES.webhooks) private readonly queue: Queue<DeliveryJob | BatchJob>) {}

  async add(deliveries: Array<{ deliveryId: string; attempts: number; delayMs?: number; round?: string }>): Promise<void> {
    if (deliveries.length === 0) return;
    await this.queue.addBulk(deliveries.map((d) => ({
      name: JOBS.deliverWebhook,
      data: { deliveryId: d.deliveryId },
      opts: {
        jobId: `${d.deliveryId}:${d.attempts}${d.round ? `:${d.round}` : ''}`, delay: d.delayMs, attempts: 3,
        backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: true,
      },
    })));
  }

  /**
   * One job per kind of batch and linger window, run when every batch stored in that window is due:
   * it sends them all (DeliveriesService.sendDue), so a busy engine queues a few jobs a second, not
   * one per stored batch. Adding the same window's job again is a no-op while Bull holds it.
   */
  async addBatches(kinds: BatchKind[], lingerMs: number): Promise<void> {
    if (kinds.length === 0) return;
    const now = Date.now();
    const window = Math.floor(now / lingerMs);
    await this.queue.addBulk(kinds.map((kind) => ({
      name: JOBS.sendWebhookBatches,
      data: kind,
      opts: {
        jobId: `batches:${kind.subscriptionId}:${kind.type}:${kind.clientId ?? '-'}:${window}`,
        delay: (window + 2) * lingerMs - now, attempts: 3, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: true,
      },
    })));
  }

  /**
   * The kind's job again in `delayMs`, keeping when it first gave way. Its id names the second it
   * runs in, so the jobs of every linger window that give way meanwhile become one.
   */
  async deferBatches(job: BatchJob, deferredSince: number, delayMs: number): Promise<void> {
    const { subscriptionId, type, clientId } = job;
    const runsAt = Date.now() + delayMs;
    await this.queue.add(JOBS.sendWebhookBatches, { subscriptionId, type, clientId, deferredSince }, {
      jobId: `batches:${subscriptionId}:${type}:${clientId ?? '-'}:deferred:${Math.floor(runsAt / 1000)}`,
      delay: delayMs, attempts: 3, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: true,
    });
  }

  /** After the commit that stored them: a Redis that does not take them in time leaves them to the reconciler. */
  async addStored(deliveries: Array<{ deliveryId: string; delayMs: number }>, batches: BatchKind[], lingerMs: number): Promise<void> {
    try {
      await withinTime(
        Promise.all([this.add(deliveries.map((d) => ({ ...d, attempts: 0 }))), this.addBatches(batches, lingerMs)]),
        ENQUEUE_TIMEOUT_MS, 'Queueing webhook deliveries',
      );
    } catch (error) {
      this.logger.warn({ err: error, deliveries: deliveries.length + batches.length }, 'Webhook deliveries left to the reconciler');
    }
  }

  counts() {
    return this.queue.getJobCounts();
  }
}

import { getQueueToken } from '@nestjs/bull';
import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Job, Queue } from 'bull';
import { EVENT_PARTITION_QUEUES, JOBS } from '../../../common/queue/queues';
import { EventProcessingService } from '../processing/event-processing.service';
import { PartitionLeases } from '../routing/partition-lease';

/**
 * Applies the chunks of every event partition: one job per partition at a time in this process
 * (concurrency 1 on each partition's queue), and one across all processes (the partition's lease).
 */
@Injectable()
export class EventPartitionsProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(EventPartitionsProcessor.name);

  constructor(
    private readonly processing: EventProcessingService,
    private readonly leases: PartitionLeases,
    private readonly moduleRef: ModuleRef,
  ) {}

  onApplicationBootstrap(): void {
    EVENT_PARTITION_QUEUES.forEach((name, partition) => {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      queue.process(JOBS.processEvents, 1, (job: Job<{ eventIds: string[] }>) => this.processEvents(name, partition, job))
        .catch((error) => this.logger.error({ err: error, queue: name }, 'Partition worker stopped'));
    });
  }

  private async processEvents(queue: string, partition: number, job: Job<{ eventIds: string[] }>): Promise<void> {
    const started = Date.now();
    await this.leases.holding(queue, () => this.processing.processChunk(job.data.eventIds, partition));
    this.logger.debug({ partition: queue, jobId: job.id, events: job.data.eventIds.length, ms: Date.now() - started }, 'Events processed');
  }
}

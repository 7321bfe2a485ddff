import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { Job } from 'bull';
import { JOBS, QUEUES } from '../../../common/queue/queues';
import { EventProcessingService } from '../processing/event-processing.service';

/** Two chunks at a time: one evaluates while the other waits on MySQL. */
export const EVENT_PROCESSING_CONCURRENCY = 2;

@Processor(QUEUES.events)
export class CustomerEventsProcessor {
  private readonly logger = new Logger(CustomerEventsProcessor.name);

  constructor(private readonly processing: EventProcessingService) {}

  @Process({ name: JOBS.processEvents, concurrency: EVENT_PROCESSING_CONCURRENCY })
  async processEvents(job: Job<{ eventIds: string[] }>): Promise<void> {
    const started = Date.now();
    await this.processing.processChunk(job.data.eventIds);
    this.logger.debug({ jobId: job.id, events: job.data.eventIds.length, ms: Date.now() - started }, 'Events processed');
  }
}

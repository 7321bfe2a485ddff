import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { Job } from 'bull';
import { JOBS, QUEUES } from '../../../common/queue/queues';
import { EventRouter } from '../routing/event-router.service';

/** Routing is a read and a few queue writes: two jobs at a time keep the partitions fed. */
export const EVENT_ROUTING_CONCURRENCY = 2;

/** Queued events are routed to their partitions, whose jobs apply them (EventPartitionsProcessor). */
@Processor(QUEUES.events)
export class CustomerEventsProcessor {
  private readonly logger = new Logger(CustomerEventsProcessor.name);

  constructor(private readonly router: EventRouter) {}

  @Process({ name: JOBS.processEvents, concurrency: EVENT_ROUTING_CONCURRENCY })
  async routeEvents(job: Job<{ eventIds: string[] }>): Promise<void> {
    const routed = await this.router.route(job.data.eventIds, String(job.id));
    this.logger.debug({ jobId: job.id, events: job.data.eventIds.length, routed }, 'Events routed');
  }
}

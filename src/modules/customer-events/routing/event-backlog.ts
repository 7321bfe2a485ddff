import { Injectable, OnModuleInit } from '@nestjs/common';
import { EVENT_PARTITIONS } from '../../../common/queue/queues';
import { ProcessingBacklog } from '../../webhooks';
import { EventRouter } from './event-router.service';

/** Chunks waiting in the partition queues from which processing counts as backlogged: one per partition on average. */
export const BACKLOG_CHUNKS = EVENT_PARTITIONS;

/**
 * Tells the webhooks' delivery whether event processing has a backlog: at least BACKLOG_CHUNKS
 * chunks waiting in the partition queues (beyond those being processed). A bulk load has one;
 * a steady stream that processing keeps up with does not.
 */
@Injectable()
export class EventBacklog implements OnModuleInit {
  constructor(private readonly router: EventRouter, private readonly backlog: ProcessingBacklog) {}

  onModuleInit(): void {
    this.backlog.register(() => this.present());
  }

  async present(): Promise<boolean> {
    return (await this.router.waitingChunks()) >= BACKLOG_CHUNKS;
  }
}

import { getQueueToken } from '@nestjs/bull';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Queue } from 'bull';
import { EVENT_PARTITIONS, eventPartitionQueue } from '../../../common/queue/queues';
import { ProcessingBacklog } from '../../webhooks';

/** Chunks waiting in the partition queues from which processing counts as backlogged: one per partition on average. */
export const BACKLOG_CHUNKS = EVENT_PARTITIONS;

/**
 * Tells the webhooks' delivery whether event processing has a backlog: at least BACKLOG_CHUNKS
 * chunks waiting in the partition queues (beyond those being processed). A bulk load has one;
 * a steady stream that processing keeps up with does not.
 */
@Injectable()
export class EventBacklog implements OnModuleInit {
  private queues: Queue[] = [];

  constructor(private readonly moduleRef: ModuleRef, private readonly backlog: ProcessingBacklog) {}

  onModuleInit(): void {
    this.queues = Array.from({ length: EVENT_PARTITIONS }, (_, p) => this.moduleRef.get<Queue>(getQueueToken(eventPartitionQueue(p)), { strict: false }));
    this.backlog.register(() => this.present());
  }

  async present(): Promise<boolean> {
    const waiting = await Promise.all(this.queues.map((queue) => queue.getWaitingCount()));
    return waiting.reduce((sum, n) => sum + n, 0) >= BACKLOG_CHUNKS;
  }
}

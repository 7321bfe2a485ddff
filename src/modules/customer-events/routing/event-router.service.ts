import { getQueueToken } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { DEFAULT_JOB_OPTIONS, EVENT_CHUNK_SIZE, EVENT_PARTITIONS, eventPartitionQueue, JOBS } from '../../../common/queue/queues';
import { chunkByPartition, RoutedEvent } from './partition-of';

/**
 * Routes queued events to their partitions: the pending ones among them are read with their
 * customer, split by partition (events of a partition keep their order) and queued as chunks on
 * the partition's queue. Job ids derive from the routing job's, so routing again adds nothing twice.
 */
@Injectable()
export class EventRouter {
  private readonly queues: Queue[];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    moduleRef: ModuleRef,
  ) {
    this.queues = Array.from({ length: EVENT_PARTITIONS }, (_, p) => moduleRef.get<Queue>(getQueueToken(eventPartitionQueue(p)), { strict: false }));
  }

  async route(eventIds: string[], tag: string): Promise<number> {
    if (eventIds.length === 0) return 0;
    const events: RoutedEvent[] = await this.dataSource.query(
      `SELECT e.id, COALESCE(c.guid, IF(e.source = 'command', JSON_UNQUOTE(JSON_EXTRACT(e.payload, '$.customerId')), NULL)) AS guid,
              e.account_id AS accountId
         FROM customer_events e LEFT JOIN customers c ON c.id = e.customer_id
        WHERE e.id IN (?) AND e.state = 'pending' ORDER BY e.number`,
      [eventIds],
    );
    const chunks = chunkByPartition(events.map((e) => ({ ...e, accountId: e.accountId == null ? null : String(e.accountId) })), EVENT_PARTITIONS, EVENT_CHUNK_SIZE);
    await Promise.all(chunks.map(({ partition, eventIds: ids }) =>
      this.queues[partition].add(JOBS.processEvents, { eventIds: ids }, { ...DEFAULT_JOB_OPTIONS, jobId: `${tag}:${ids[0]}:${ids.length}` })));
    return events.length;
  }
}

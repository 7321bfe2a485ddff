import { getQueueToken } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { DEFAULT_JOB_OPTIONS, EVENT_CHUNK_SIZE, EVENT_PARTITIONS, eventPartitionQueue, JOBS } from '../../../common/queue/queues';
import { CustomersService } from '../../customers';
import { chunkByPartition, RoutedEvent } from './partition-of';

/**
 * Routes queued events to their partitions: the pending ones among them are read with their
 * customer's GUID (asked of the customers module), split by partition (events of a partition keep
 * their order) and queued as chunks on the partition's queue. Job ids derive from the routing
 * job's, so routing again adds nothing twice.
 */
@Injectable()
export class EventRouter {
  private readonly queues: Queue[];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly customers: CustomersService,
    moduleRef: ModuleRef,
  ) {
    this.queues = Array.from({ length: EVENT_PARTITIONS }, (_, p) => moduleRef.get<Queue>(getQueueToken(eventPartitionQueue(p)), { strict: false }));
  }

  async route(eventIds: string[], tag: string): Promise<number> {
    if (eventIds.length === 0) return 0;
    const rows: Array<{ id: string; customer_id: string | null; named_guid: string | null; account_id: string | null }> = await this.dataSource.query(
      `SELECT id, customer_id, IF(source = 'command', JSON_UNQUOTE(JSON_EXTRACT(payload, '$.customerId')), NULL) AS named_guid, account_id
         FROM customer_events WHERE id IN (?) AND state = 'pending' ORDER BY number`,
      [eventIds],
    );
    const guids = await this.customers.guidsOf(rows.flatMap((r) => (r.customer_id === null ? [] : [r.customer_id])));
    const events: RoutedEvent[] = rows.map((r) => ({
      id: r.id,
      guid: (r.customer_id === null ? undefined : guids.get(r.customer_id)) ?? r.named_guid,
      accountId: r.account_id == null ? null : String(r.account_id),
    }));
    const chunks = chunkByPartition(events, EVENT_PARTITIONS, EVENT_CHUNK_SIZE);
    await Promise.all(chunks.map(({ partition, eventIds: ids }) =>
      this.queues[partition].add(JOBS.processEvents, { eventIds: ids }, { ...DEFAULT_JOB_OPTIONS, jobId: `${tag}:${ids[0]}:${ids.length}` })));
    return events.length;
  }

  /** Chunks waiting in the partition queues, not yet taken by a worker. */
  async waitingChunks(): Promise<number> {
    const waiting = await Promise.all(this.queues.map((queue) => queue.getWaitingCount()));
    return waiting.reduce((sum, n) => sum + n, 0);
  }
}

import { getQueueToken, InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bull';
import { DataSource } from 'typeorm';
import { EVENT_PARTITION_QUEUES, QUEUES } from '../../../common/queue/queues';
import { inTransaction } from '../../../database/transaction';
import { CommandRunsService } from '../../command-runs';
import { CommandCompletionService } from '../command-completion.service';
import { LOAD_CUSTOMER_EVENTS_EXT } from '../command-events.service';
import { EventRegisterService } from '../event-register.service';

/** Pending this long with nothing queued means the job was lost (Redis restart, crash before enqueue). */
export const IDLE_QUEUE_GRACE_SECONDS = 30;
/** Pending this long means lost even while the queue is busy (a backlog drains far faster). */
export const BUSY_QUEUE_GRACE_SECONDS = 900;
const RECONCILE_BATCH = 20000;

/**
 * MySQL is the source of truth: events still pending after a grace period are queued again, and
 * commands with nothing pending are marked done.
 * Requeueing an event whose job is only late is harmless — processing locks and re-reads pending rows.
 */
@Injectable()
export class PendingEventsReconciler {
  private readonly logger = new Logger(PendingEventsReconciler.name);
  /** The routing queue and every partition's: events are queued while any of them holds a job. */
  private readonly queues: Queue[];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.events) queue: Queue,
    private readonly register: EventRegisterService,
    private readonly completion: CommandCompletionService,
    private readonly runs: CommandRunsService,
    moduleRef: ModuleRef,
  ) {
    this.queues = [queue, ...EVENT_PARTITION_QUEUES.map((name) => moduleRef.get<Queue>(getQueueToken(name), { strict: false }))];
  }

  async requeueStale(): Promise<number> {
    let queued = 0;
    for (const queue of this.queues) {
      const counts = await queue.getJobCounts();
      queued += counts.waiting + counts.active + counts.delayed;
    }
    const grace = queued === 0 ? IDLE_QUEUE_GRACE_SECONDS : BUSY_QUEUE_GRACE_SECONDS;
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM customer_events
        WHERE state = 'pending' AND created_at < CURRENT_TIMESTAMP(3) - INTERVAL ? SECOND
        ORDER BY state, created_at LIMIT ?`,
      [grace, RECONCILE_BATCH],
    );
    if (rows.length > 0) {
      await this.register.enqueue(rows.map((r) => r.id), `requeue-${Date.now()}`);
      this.logger.warn({ events: rows.length, graceSeconds: grace }, 'Requeued events left pending');
    }
    return rows.length;
  }

  /** Finishes loadCustomerEventsExt runs that have nothing pending yet were never marked done. */
  async finishIdleRuns(): Promise<number> {
    const running = await this.runs.unfinished([LOAD_CUSTOMER_EVENTS_EXT], RECONCILE_BATCH);
    const withPending = await this.completion.withPendingEvents(this.dataSource.manager, running);
    const idle = running.filter((id) => !withPending.has(id));
    if (idle.length > 0) {
      await inTransaction(this.dataSource, (manager) => this.completion.finishIfDone(manager, idle), 'READ COMMITTED');
      this.logger.warn({ commands: idle.length }, 'Finished commands left running with nothing pending');
    }
    return idle.length;
  }
}

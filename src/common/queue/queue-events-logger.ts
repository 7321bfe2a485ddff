import { getQueueToken } from '@nestjs/bull';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Job, Queue } from 'bull';
import { EventEmitter } from 'events';
import { logRedisErrors } from '../redis/redis-error-log';
import { ENGINE_QUEUES, EVENT_PARTITION_QUEUES } from './queues';

/**
 * Logs every failed job of every queue (each attempt, with what the job names) and the queues'
 * Redis errors. Bull emits `failed` on the queue instance that ran the job: the one the
 * processors are bound to, found the way @nestjs/bull finds it (first registration of the name).
 * A process that does not register a queue (the maintenance queue in ROLE=api) has nothing to log there.
 */
@Injectable()
export class QueueEventsLogger implements OnModuleInit {
  private readonly logger = new Logger('Queues');

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    // The partition queues share one connection problem: their Redis errors are logged as one queue's.
    const partitions = new EventEmitter();
    logRedisErrors(partitions, this.logger, 'Event partition queues: Redis error');
    for (const name of ENGINE_QUEUES) {
      const queue = this.registered(name);
      if (!queue) continue;
      if (EVENT_PARTITION_QUEUES.includes(name)) queue.on('error', (error: Error) => partitions.emit('error', error));
      else logRedisErrors(queue, this.logger, `Queue ${name}: Redis error`);
      queue.on('failed', (job: Job, error: Error) =>
        this.logger.error(
          { queue: name, job: job.name, jobId: job.id, attempt: job.attemptsMade, attempts: job.opts.attempts ?? 1, ...refsOf(job.data), err: error },
          'Job failed',
        ),
      );
    }
  }

  private registered(name: string): Queue | null {
    try {
      return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
    } catch {
      return null;
    }
  }
}

/** What a job is about, small enough for a log line: its command, or how many events it carries. */
function refsOf(data: unknown): Record<string, unknown> {
  const { commandId, eventIds } = (data ?? {}) as { commandId?: unknown; eventIds?: unknown };
  return {
    ...(typeof commandId === 'string' ? { commandId } : {}),
    ...(Array.isArray(eventIds) ? { events: eventIds.length, firstEventId: eventIds[0] } : {}),
  };
}

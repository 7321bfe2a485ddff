import Bull from 'bull';
import Redis from 'ioredis';
import { DEFAULT_JOB_OPTIONS, EVENT_PARTITION_QUEUES, JOBS, QUEUES } from '../../src/common/queue/queues';

export interface RedisSettings {
  host: string;
  port: number;
  db: number;
}

/** Deletes every key under the benchmark's own queue prefix (a fresh queue for each run). */
export async function clearQueuePrefix(redis: RedisSettings, prefix: string): Promise<number> {
  const client = new Redis({ host: redis.host, port: redis.port, db: redis.db });
  let removed = 0;
  try {
    const stream = client.scanStream({ match: `${prefix}:*`, count: 1000 });
    for await (const keys of stream as AsyncIterable<string[]>) {
      if (keys.length) removed += await client.unlink(...keys);
    }
  } finally {
    client.disconnect();
  }
  return removed;
}

/**
 * The app's event queues (routing and partitions) and maintenance queue, opened with the app's
 * prefix and names. A global pause stops the app's workers from taking jobs (and the reconciler
 * from running) while a backlog is loaded straight into MySQL and queued.
 */
export class BenchQueues {
  readonly events: Bull.Queue;
  readonly maintenance: Bull.Queue;
  readonly partitions: Bull.Queue[];

  constructor(redis: RedisSettings, prefix: string) {
    this.events = new Bull(QUEUES.events, { prefix, redis });
    this.maintenance = new Bull(QUEUES.maintenance, { prefix, redis });
    this.partitions = EVENT_PARTITION_QUEUES.map((name) => new Bull(name, { prefix, redis }));
  }

  private get all(): Bull.Queue[] {
    return [this.events, this.maintenance, ...this.partitions];
  }

  async pause(): Promise<void> {
    await Promise.all(this.all.map((queue) => queue.pause(false)));
  }

  async resume(): Promise<void> {
    await Promise.all(this.all.map((queue) => queue.resume(false)));
  }

  /** Routing jobs of `chunkSize` event ids, as the app queues them (same job name and options). */
  async enqueueChunks(eventIds: string[], chunkSize: number, tag: string): Promise<number> {
    let jobs: Array<{ name: string; data: { eventIds: string[] }; opts: Bull.JobOptions }> = [];
    let count = 0;
    for (let start = 0; start < eventIds.length; start += chunkSize) {
      const chunk = eventIds.slice(start, start + chunkSize);
      jobs.push({ name: JOBS.processEvents, data: { eventIds: chunk }, opts: { ...DEFAULT_JOB_OPTIONS, jobId: `events:${tag}:${chunk[0]}:${chunk.length}` } });
      if (jobs.length === 200) {
        await this.events.addBulk(jobs);
        count += jobs.length;
        jobs = [];
      }
    }
    if (jobs.length) await this.events.addBulk(jobs);
    return count + jobs.length;
  }

  /** Event jobs not yet finished, routing and partitions: waiting, paused, active or delayed (a retry). */
  async unfinishedJobs(): Promise<number> {
    let unfinished = 0;
    for (const queue of [this.events, ...this.partitions]) {
      const counts = (await queue.getJobCounts()) as Bull.JobCounts & { paused?: number };
      unfinished += counts.waiting + counts.active + counts.delayed + (counts.paused ?? 0);
    }
    return unfinished;
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((queue) => queue.close()));
  }
}

import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bull';
import { EntityManager, In } from 'typeorm';
import { isDuplicateKeyError } from '../../common/errors';
import { DEFAULT_JOB_OPTIONS, EVENT_ROUTING_BATCH, JOBS, QUEUES } from '../../common/queue/queues';
import { ENQUEUE_TIMEOUT_MS, withinTime } from '../../common/queue/within-time';
import { afterCommit } from '../../database/after-commit';
import { EngineMetrics } from '../../metrics/engine-metrics';
import { eventIdTaken } from './customer-events.errors';
import { CustomerEventEntity } from './entities/customer-event.entity';
import { newEventIds } from './event-id';
import { NewCustomerEvent, RegisteredEvent } from './event-register.types';

const INSERT_BATCH = 1000;

/** Only a caller-chosen id can collide (generated ids are 128-bit random). */

/**
 * The event register's write side: stores events with multi-row INSERTs (a repeated external key
 * resolves to the original event instead of failing), and queues stored events for the rules in
 * chunks. MySQL stays the source of truth: callers enqueue only after their transaction commits,
 * and the reconciler requeues whatever a lost job left pending.
 */
@Injectable()
export class EventRegisterService {
  private readonly logger = new Logger(EventRegisterService.name);

  constructor(
    @InjectQueue(QUEUES.events) private readonly queue: Queue,
    private readonly metrics: EngineMetrics,
  ) {}

  async register(manager: EntityManager, events: NewCustomerEvent[]): Promise<RegisteredEvent[]> {
    if (events.length === 0) return [];
    const ids = newEventIds(events.length);
    for (let start = 0; start < events.length; start += INSERT_BATCH) {
      const slice = events.slice(start, start + INSERT_BATCH);
      // A key that already exists keeps its row untouched (number = number is a no-op). Without keys a
      // plain INSERT is enough, and avoids the duplicate-check gap locks that deadlock concurrent callers.
      const onDuplicate = slice.some((e) => e.externalKey !== null) ? ' ON DUPLICATE KEY UPDATE number = number' : '';
      await this.insert(manager, ids.slice(start, start + INSERT_BATCH), slice, onDuplicate);
    }
    const stored = await this.findNumbers(manager, ids);
    const missingKeys = events.filter((e, i) => !stored.has(ids[i]) && e.externalKey).map((e) => e.externalKey as string);
    const originals = await this.findByExternalKeys(manager, events[0].clientId, missingKeys);
    const registered = events.map((e, i) => {
      const number = stored.get(ids[i]);
      if (number) return { id: ids[i], number, duplicate: false };
      const original = e.externalKey ? originals.get(e.externalKey) : undefined;
      if (!original) throw new Error(`Customer event ${ids[i]} was neither stored nor found by its external key`);
      return { id: original.id, number: original.number, duplicate: true };
    });
    afterCommit(manager, () => this.metrics.eventsAccepted(events.filter((_, i) => !registered[i].duplicate)));
    return registered;
  }

  /**
   * Stores one event under the id its caller chose (the CRM single purchase). A retry — the same
   * client and external key, with this id or a new one — answers the original event; an id that
   * already belongs to any other event, of this client or another, is refused and nothing is stored.
   */
  async registerWithOwnId(manager: EntityManager, id: string, event: NewCustomerEvent & { externalKey: string }): Promise<RegisteredEvent> {
    try {
      await this.insert(manager, [id], [event], '');
      afterCommit(manager, () => this.metrics.eventsAccepted([event]));
      return { id, number: (await this.findNumbers(manager, [id])).get(id) as string, duplicate: false };
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const original = (await this.findByExternalKeys(manager, event.clientId, [event.externalKey])).get(event.externalKey);
    if (original && (original.id === id || (await this.findNumbers(manager, [id])).size === 0)) return { ...original, duplicate: true };
    throw eventIdTaken(id);
  }

  private async insert(manager: EntityManager, ids: string[], events: NewCustomerEvent[], onDuplicate: string): Promise<void> {
    const params: unknown[] = [];
    events.forEach((e, i) =>
      params.push(
        ids[i], e.clientId, e.source, e.type, e.externalKey, e.commandId, e.customerId, e.accountId,
        e.performedOn, e.amount, JSON.stringify(e.attributes), e.payload ? JSON.stringify(e.payload) : null,
        e.udf ? JSON.stringify(e.udf) : null, e.state ?? 'pending', e.points ?? null,
      ),
    );
    await manager.query(
      `INSERT INTO customer_events (id, client_id, source, type, external_key, command_id, customer_id, account_id,
         performed_on, amount, attributes, payload, udf, state, points)
       VALUES ${events.map(() => '(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)').join(',')}${onDuplicate}`,
      params,
    );
  }

  /**
   * Queues events for rule processing, EVENT_ROUTING_BATCH ids a job, with deterministic job ids;
   * `round` distinguishes a requeue from the first enqueue (Bull ignores a job id it still holds).
   * A worker routes each job's events to their partitions.
   */
  async enqueue(eventIds: string[], round = 'first'): Promise<void> {
    const jobs = [];
    for (let start = 0; start < eventIds.length; start += EVENT_ROUTING_BATCH) {
      const chunk = eventIds.slice(start, start + EVENT_ROUTING_BATCH);
      jobs.push({ name: JOBS.processEvents, data: { eventIds: chunk }, opts: { ...DEFAULT_JOB_OPTIONS, jobId: `events:${round}:${chunk[0]}:${chunk.length}` } });
    }
    if (jobs.length) await this.queue.addBulk(jobs);
  }

  /**
   * Queues events a request has just stored without holding its answer on Redis: when Redis
   * refuses them or does not take them within ENQUEUE_TIMEOUT_MS, the reconciler queues them later.
   */
  async enqueueStored(eventIds: string[]): Promise<void> {
    try {
      await withinTime(this.enqueue(eventIds), ENQUEUE_TIMEOUT_MS, 'Queueing stored events');
    } catch (error) {
      this.logger.warn({ err: error, events: eventIds.length }, 'Stored events could not be queued now; the reconciler will queue them');
    }
  }

  private async findNumbers(manager: EntityManager, ids: string[]): Promise<Map<string, string>> {
    const result = new Map<string, string>();
    for (let start = 0; start < ids.length; start += INSERT_BATCH) {
      const rows: Array<{ id: string; number: string }> = await manager.query(
        'SELECT id, number FROM customer_events WHERE id IN (?)',
        [ids.slice(start, start + INSERT_BATCH)],
      );
      for (const row of rows) result.set(row.id, String(row.number));
    }
    return result;
  }

  /** The stored events of a client by external key (for callers that must know before registering). */
  async findByExternalKeys(manager: EntityManager, clientId: string, keys: string[]): Promise<Map<string, { id: string; number: string }>> {
    if (keys.length === 0) return new Map();
    const rows = await manager.find(CustomerEventEntity, {
      select: { id: true, number: true, externalKey: true },
      where: { clientId, externalKey: In([...new Set(keys)]) },
    });
    return new Map(rows.map((r) => [r.externalKey as string, { id: r.id, number: String(r.number) }]));
  }
}

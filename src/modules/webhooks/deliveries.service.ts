import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../../config';
import { inTransaction } from '../../database/transaction';
import { DeliveryQueue } from './delivery-queue';
import { DeliveryState } from './domain/delivery-states';
import { BATCHED_TYPES, WebhookEventType } from './domain/event-types';
import { afterFailure } from './domain/retry';
import { DeliveryDto, DeliveryPageDto, DeliveriesQueryDto } from './dto/webhook.dto';
import { PayloadResolvers } from './payload-resolvers';
import { SubscriptionsService } from './subscriptions.service';
import { WebhookSender } from './webhook-sender';
import { deliveryNotFound } from './webhooks.errors';

/**
 * A claimed delivery is left alone by other workers this long past the request timeout (a crashed
 * worker's claim lapses). A batch still waiting to be filled is due within WEBHOOK_BATCH_LINGER_MS
 * (at most 5 s), so a due time this far ahead marks a claimed row.
 */
const CLAIM_MARGIN_MS = 10000;
/** Due this long without being sent: its job was lost (crash before enqueue, Redis emptied); queue it again. */
export const OVERDUE_GRACE_MS = 5000;
const RECONCILE_BATCH = 5000;

interface MessageRow {
  id: string;
  delivery_id: string;
  subscription_id: string;
  type: WebhookEventType;
  client_id: string | null;
  data: string | unknown[];
  resolved: number;
  state: DeliveryState;
  attempts: number;
  status_code: number | null;
  last_error: string | null;
  next_attempt_at: Date;
  failing_since: Date | null;
  created_at: Date;
  delivered_at: Date | null;
}

const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

type ClaimedRow = MessageRow & { url: string | null; secret: string | null; active: number | null; subscription_failing: number | null };

function toDto(r: MessageRow): DeliveryDto {
  return {
    deliveryId: r.delivery_id, type: r.type, state: r.state, items: json<unknown[]>(r.data).length, attempts: r.attempts,
    statusCode: r.status_code, lastError: r.last_error, createdAt: r.created_at,
    nextAttemptAt: r.state === 'pending' ? r.next_attempt_at : null, deliveredAt: r.delivered_at,
  };
}

/** The body of every attempt of a delivery (the same bytes each time; only the timestamp header changes). */
export function deliveryBody(r: Pick<MessageRow, 'delivery_id' | 'type' | 'created_at' | 'data'>): string {
  return JSON.stringify({ deliveryId: r.delivery_id, type: r.type, createdAt: r.created_at.toISOString(), data: json<unknown[]>(r.data) });
}

/**
 * Sends outbox rows: claims a due row, POSTs it, records the outcome; a failure is retried with
 * backoff until it has failed for WEBHOOK_RETRY_WINDOW_MS, then it is dead. A subscription whose
 * deliveries have all failed for that long is deactivated.
 */
@Injectable()
export class DeliveriesService {
  private readonly logger = new Logger(DeliveriesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: DeliveryQueue,
    private readonly sender: WebhookSender,
    private readonly subscriptions: SubscriptionsService,
    private readonly resolvers: PayloadResolvers,
    private readonly config: AppConfig,
  ) {}

  async deliver(deliveryId: string): Promise<void> {
    const row = await this.claim(deliveryId);
    if (!row) return; // delivered, dead, not yet due, claimed by another worker or taken into another batch
    if (!row.url || !row.secret || !row.active) {
      await this.dataSource.query("UPDATE webhook_messages SET state = 'dead', last_error = 'Subscription inactive' WHERE id = ?", [row.id]);
      return;
    }
    const data = row.resolved ? json<unknown[]>(row.data) : await this.resolvers.resolve(row.type, json<Array<Record<string, unknown>>>(row.data)).catch((error: Error) => error);
    const outcome = data instanceof Error
      ? { ok: false, statusCode: null, error: `Data could not be built: ${data.message}`.slice(0, 500) }
      : data.length === 0 ? { ok: true, statusCode: null, error: null } // nothing left to report
        : await this.sender.send({ deliveryId, type: row.type, url: row.url, secret: row.secret, body: deliveryBody({ ...row, data }) });
    const at = new Date();
    if (outcome.ok) {
      await this.dataSource.query(
        "UPDATE webhook_messages SET state = 'delivered', attempts = attempts + 1, status_code = ?, last_error = NULL, delivered_at = ? WHERE id = ?",
        [outcome.statusCode, at, row.id],
      );
      if (row.subscription_failing) await this.dataSource.query('UPDATE webhook_subscriptions SET failing_since = NULL WHERE id = ?', [row.subscription_id]);
      return;
    }
    const attempts = row.attempts + 1;
    const next = afterFailure(this.config.webhooks, row.failing_since ?? at, attempts, at);
    // Data built for this attempt is kept from now on, so every later attempt sends the same body
    // (on success it is not written at all: the busiest path stays one small update).
    const built = !row.resolved && Array.isArray(data) ? JSON.stringify(data) : null;
    await this.dataSource.query(
      `UPDATE webhook_messages SET attempts = ?, status_code = ?, last_error = ?, failing_since = COALESCE(failing_since, ?),
              state = ?, next_attempt_at = ?, data = COALESCE(?, data), resolved = resolved OR ? WHERE id = ?`,
      [attempts, outcome.statusCode, outcome.error, at, next.dead ? 'dead' : 'pending', next.dead ? at : next.next, built, built !== null, row.id],
    );
    if (next.dead) this.logger.warn({ deliveryId, subscriptionId: String(row.subscription_id), attempts, error: outcome.error }, 'Webhook delivery dead');
    else await this.queue.add([{ deliveryId, attempts, delayMs: next.next.getTime() - Date.now() }]);
    await this.subscriptionFailed(String(row.subscription_id), at);
  }

  /**
   * Claims a due delivery for one attempt (other workers leave it alone until the claim lapses). The
   * first attempt of a batch takes in, with its claim, the batches of its kind still waiting for
   * their first attempt (up to WEBHOOK_BATCH_SIZE items), so a busy engine sends fewer, fuller POSTs.
   */
  private async claim(deliveryId: string): Promise<ClaimedRow | null> {
    const [row]: ClaimedRow[] = await this.dataSource.query(
      `SELECT m.*, s.url, s.secret, s.active, s.failing_since IS NOT NULL AS subscription_failing
         FROM webhook_messages m LEFT JOIN webhook_subscriptions s ON s.id = m.subscription_id
        WHERE m.delivery_id = ?`,
      [deliveryId],
    );
    const now = new Date();
    if (!row || row.state !== 'pending' || row.next_attempt_at > now) return null;
    const claimedUntil = new Date(now.getTime() + this.config.webhooks.timeoutMs + CLAIM_MARGIN_MS);
    const claimOwn = async (manager: EntityManager) => (await manager.query(
      "UPDATE webhook_messages SET next_attempt_at = ? WHERE id = ? AND state = 'pending' AND next_attempt_at <= ?",
      [claimedUntil, row.id, now],
    )).affectedRows > 0;
    // Items (or, deferred, references to them) of batches never sent: taken in only alike (resolved with resolved).
    const fillable = row.attempts === 0 && BATCHED_TYPES.has(row.type) && row.url !== null;
    if (!fillable) return (await claimOwn(this.dataSource.manager)) ? row : null;
    return inTransaction(this.dataSource, async (manager) => {
      // The subscription's lock orders first attempts of its batches: batches whose lingers end
      // together are taken into one instead of each claimed by its own worker. READ COMMITTED: no
      // gap locks, so the outbox inserts of processing never wait on this.
      await manager.query('SELECT id FROM webhook_subscriptions WHERE id = ? FOR UPDATE', [row.subscription_id]);
      if (!(await claimOwn(manager))) return null;
      const items = json<Array<Record<string, unknown>>>(row.data);
      const waiting: Array<{ id: string; data: string | unknown[] }> = await manager.query(
        `SELECT id, data FROM webhook_messages
          WHERE subscription_id = ? AND state = 'pending' AND id <> ? AND type = ? AND client_id <=> ?
            AND resolved = ? AND attempts = 0 AND next_attempt_at < ?
          ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED`,
        [row.subscription_id, row.id, row.type, row.client_id, row.resolved, new Date(now.getTime() + CLAIM_MARGIN_MS), Math.max(0, this.config.webhooks.batchSize - items.length)],
      );
      const taken: string[] = [];
      for (const other of waiting) {
        const more = json<Array<Record<string, unknown>>>(other.data);
        if (items.length + more.length > this.config.webhooks.batchSize) break;
        items.push(...more);
        taken.push(other.id);
      }
      if (taken.length === 0) return row;
      // A batch taken in had never been sent: no receiver has seen its delivery id, and its row goes.
      await manager.query('DELETE FROM webhook_messages WHERE id IN (?)', [taken]);
      await manager.query('UPDATE webhook_messages SET data = ? WHERE id = ?', [JSON.stringify(items), row.id]);
      return { ...row, data: items };
    }, 'READ COMMITTED');
  }

  /** Marks the subscription failing; one failing for the whole retry window is deactivated. */
  private async subscriptionFailed(subscriptionId: string, at: Date): Promise<void> {
    await this.dataSource.query('UPDATE webhook_subscriptions SET failing_since = COALESCE(failing_since, ?) WHERE id = ?', [at, subscriptionId]);
    const result = await this.dataSource.query(
      'UPDATE webhook_subscriptions SET active = 0, updated_at = ? WHERE id = ? AND active = 1 AND failing_since <= ?',
      [at, subscriptionId, new Date(at.getTime() - this.config.webhooks.retryWindowMs)],
    );
    if (result.affectedRows) {
      this.subscriptions.changed();
      this.logger.warn({ subscriptionId, retryWindowMs: this.config.webhooks.retryWindowMs }, 'Webhook subscription deactivated: every delivery failed for the whole retry window');
    }
  }

  /** Newest first, `limit` a page; `cursor` is the previous page's nextCursor. */
  async list(subscriptionId: string, query: DeliveriesQueryDto): Promise<DeliveryPageDto> {
    await this.subscriptions.get(subscriptionId);
    const limit = query.limit ?? 50;
    const where = ['subscription_id = ?'];
    const params: unknown[] = [subscriptionId];
    if (query.state) {
      where.push('state = ?');
      params.push(query.state);
    }
    if (query.cursor) {
      where.push('id < ?');
      params.push(query.cursor);
    }
    const rows: MessageRow[] = await this.dataSource.query(
      `SELECT * FROM webhook_messages WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ?`,
      [...params, limit + 1],
    );
    const page = rows.slice(0, limit);
    return { deliveries: page.map(toDto), nextCursor: rows.length > limit ? String(page[page.length - 1].id) : null };
  }

  /** Sends the delivery again (with the same delivery id), whatever its state; its retry window starts over. */
  async replay(subscriptionId: string, deliveryId: string): Promise<DeliveryDto> {
    await this.subscriptions.get(subscriptionId);
    const result = await this.dataSource.query(
      "UPDATE webhook_messages SET state = 'pending', next_attempt_at = ?, failing_since = NULL WHERE delivery_id = ? AND subscription_id = ?",
      [new Date(), deliveryId, subscriptionId],
    );
    if (!result.affectedRows) throw deliveryNotFound(deliveryId);
    const [row]: MessageRow[] = await this.dataSource.query('SELECT * FROM webhook_messages WHERE delivery_id = ?', [deliveryId]);
    await this.queue.add([{ deliveryId, attempts: row.attempts, round: `replay-${Date.now()}` }]);
    this.logger.log({ deliveryId, subscriptionId }, 'Webhook delivery replayed');
    return toDto(row);
  }

  /** Queues again the due deliveries whose job is gone (a job only late is not added twice: same job id). */
  async requeueOverdue(): Promise<number> {
    const rows: Array<{ delivery_id: string; attempts: number }> = await this.dataSource.query(
      "SELECT delivery_id, attempts FROM webhook_messages WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY state, next_attempt_at LIMIT ?",
      [new Date(Date.now() - OVERDUE_GRACE_MS), RECONCILE_BATCH],
    );
    await this.queue.add(rows.map((r) => ({ deliveryId: r.delivery_id, attempts: r.attempts })));
    return rows.length;
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config';
import { DeliveryQueue } from './delivery-queue';
import { DeliveryState } from './domain/delivery-states';
import { WebhookEventType } from './domain/event-types';
import { afterFailure } from './domain/retry';
import { DeliveryDto, DeliveryPageDto, DeliveriesQueryDto } from './dto/webhook.dto';
import { PayloadResolvers } from './payload-resolvers';
import { SubscriptionsService } from './subscriptions.service';
import { WebhookSender } from './webhook-sender';
import { deliveryNotFound } from './webhooks.errors';

/** A claimed delivery is left alone by other workers this long past the request timeout (a crashed worker's claim lapses). */
const CLAIM_MARGIN_MS = 10000;
/** Due this long without being sent: its job was lost (crash before enqueue, Redis emptied); queue it again. */
export const OVERDUE_GRACE_MS = 5000;
const RECONCILE_BATCH = 5000;

interface MessageRow {
  id: string;
  delivery_id: string;
  subscription_id: string;
  type: WebhookEventType;
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
    const now = new Date();
    const claimedUntil = new Date(now.getTime() + this.config.webhooks.timeoutMs + CLAIM_MARGIN_MS);
    const claim = await this.dataSource.query(
      "UPDATE webhook_messages SET next_attempt_at = ? WHERE delivery_id = ? AND state = 'pending' AND next_attempt_at <= ?",
      [claimedUntil, deliveryId, now],
    );
    if (!claim.affectedRows) return; // delivered, dead, not yet due or claimed by another worker
    const [row]: Array<MessageRow & { url: string | null; secret: string | null; active: number | null }> = await this.dataSource.query(
      `SELECT m.*, s.url, s.secret, s.active FROM webhook_messages m LEFT JOIN webhook_subscriptions s ON s.id = m.subscription_id
        WHERE m.delivery_id = ?`,
      [deliveryId],
    );
    if (!row) return; // its subscription was deleted meanwhile
    if (!row.url || !row.secret || !row.active) {
      await this.dataSource.query("UPDATE webhook_messages SET state = 'dead', last_error = 'Subscription inactive' WHERE id = ?", [row.id]);
      return;
    }
    const data = row.resolved ? json<unknown[]>(row.data) : await this.resolve(row).catch((error: Error) => error);
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
      await this.dataSource.query('UPDATE webhook_subscriptions SET failing_since = NULL WHERE id = ? AND failing_since IS NOT NULL', [row.subscription_id]);
      return;
    }
    const attempts = row.attempts + 1;
    const next = afterFailure(this.config.webhooks, row.failing_since ?? at, attempts, at);
    await this.dataSource.query(
      `UPDATE webhook_messages SET attempts = ?, status_code = ?, last_error = ?, failing_since = COALESCE(failing_since, ?),
              state = ?, next_attempt_at = ? WHERE id = ?`,
      [attempts, outcome.statusCode, outcome.error, at, next.dead ? 'dead' : 'pending', next.dead ? at : next.next, row.id],
    );
    if (next.dead) this.logger.warn({ deliveryId, subscriptionId: String(row.subscription_id), attempts, error: outcome.error }, 'Webhook delivery dead');
    else await this.queue.add([{ deliveryId, attempts, delayMs: next.next.getTime() - Date.now() }]);
    await this.subscriptionFailed(String(row.subscription_id), at);
  }

  /** Builds a deferred delivery's data once and keeps it, so every attempt sends the same body. */
  private async resolve(row: MessageRow): Promise<unknown[]> {
    const data = await this.resolvers.resolve(row.type, json<Array<Record<string, unknown>>>(row.data));
    await this.dataSource.query('UPDATE webhook_messages SET data = ?, resolved = 1 WHERE id = ?', [JSON.stringify(data), row.id]);
    return data;
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

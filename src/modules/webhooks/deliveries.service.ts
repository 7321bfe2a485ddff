import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config';
import { inTransaction } from '../../database/transaction';
import { ClaimedRow, DeliveryClaims } from './delivery-claims';
import { DeliveryQueue } from './delivery-queue';
import { BatchJob, kindsOf, sentByKind } from './domain/batch-kinds';
import { afterFailure } from './domain/retry';
import { DeliveryDto, DeliveryPageDto, DeliveriesQueryDto } from './dto/webhook.dto';
import { json, MessageRow } from './message-row';
import { PayloadResolvers } from './payload-resolvers';
import { ProcessingBacklog } from './processing-backlog';
import { SubscriptionsService } from './subscriptions.service';
import { WebhookSender } from './webhook-sender';
import { deliveryNotFound } from './webhooks.errors';

/** Due this long without being sent: its job was lost (crash before enqueue, Redis emptied); queue it again. */
export const OVERDUE_GRACE_MS = 5000;
const RECONCILE_BATCH = 5000;
/** How often a batch job that gives way to event processing looks at the backlog again. */
export const DEFER_RECHECK_MS = 1000;

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
    private readonly claims: DeliveryClaims,
    private readonly queue: DeliveryQueue,
    private readonly sender: WebhookSender,
    private readonly subscriptions: SubscriptionsService,
    private readonly resolvers: PayloadResolvers,
    private readonly backlog: ProcessingBacklog,
    private readonly config: AppConfig,
  ) {}

  /** Attempts the delivery, when it is due and no other worker holds it. */
  async deliver(deliveryId: string): Promise<void> {
    const row = await this.claims.byId(deliveryId);
    if (row) await this.attempt(row); // else delivered, dead, not yet due, claimed by another worker or taken into another batch
  }

  /**
   * Sends the due batches of a kind that have never been attempted, oldest first, each taking in the
   * batches waiting behind it, until none is left that another worker does not hold. While event
   * processing has a backlog the job gives way instead, for at most WEBHOOK_MAX_DEFER_MS: the
   * batches stay in the outbox and the job looks again every DEFER_RECHECK_MS.
   */
  async sendDue(job: BatchJob): Promise<void> {
    if (await this.givesWay(job)) return;
    for (let row = await this.claims.nextOfKind(job); row; row = await this.claims.nextOfKind(job)) await this.attempt(row);
  }

  private async givesWay(job: BatchJob): Promise<boolean> {
    const { maxDeferMs } = this.config.webhooks;
    const since = job.deferredSince ?? Date.now();
    const left = maxDeferMs - (Date.now() - since);
    if (left <= 0 || !(await this.backlog.present())) return false;
    await this.queue.deferBatches(job, since, Math.min(DEFER_RECHECK_MS, left));
    return true;
  }

  /** One attempt of a claimed delivery: POST it and record the outcome. */
  private async attempt(row: ClaimedRow): Promise<void> {
    const deliveryId = row.delivery_id;
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
      // Retried on its own when chosen as a deadlock victim (another worker's batch claim locks
      // through the same indexes): a failed job would leave the row claimed and POST it again.
      await inTransaction(this.dataSource, (manager) => manager.query(
        "UPDATE webhook_messages SET state = 'delivered', attempts = attempts + 1, status_code = ?, last_error = NULL, delivered_at = ? WHERE id = ?",
        [outcome.statusCode, at, row.id],
      ), 'READ COMMITTED');
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

  /**
   * Queues again the due deliveries whose job is gone: a batch never attempted through its kind's
   * job (sendDue), any other one by itself. A job only late is not added twice (same job id).
   */
  async requeueOverdue(): Promise<number> {
    const rows: Array<Pick<MessageRow, 'delivery_id' | 'attempts' | 'subscription_id' | 'type' | 'client_id'>> = await this.dataSource.query(
      `SELECT delivery_id, attempts, subscription_id, type, client_id FROM webhook_messages
        WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY state, next_attempt_at LIMIT ?`,
      [new Date(Date.now() - OVERDUE_GRACE_MS), RECONCILE_BATCH],
    );
    const lingerMs = this.config.webhooks.batchLingerMs;
    const byKind = (r: (typeof rows)[number]) => sentByKind(r.type, r.attempts, lingerMs);
    await this.queue.addBatches(kindsOf(rows.filter(byKind).map((r) => ({ subscriptionId: String(r.subscription_id), type: r.type, clientId: r.client_id }))), lingerMs);
    await this.queue.add(rows.filter((r) => !byKind(r)).map((r) => ({ deliveryId: r.delivery_id, attempts: r.attempts })));
    return rows.length;
  }
}

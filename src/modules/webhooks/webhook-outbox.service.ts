import { Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../../config';
import { afterCommit } from '../../database/after-commit';
import { DeliveryQueue } from './delivery-queue';
import { kindsOf, sentByKind } from './domain/batch-kinds';
import { WebhookEventType, WebhookMessage } from './domain/event-types';
import { Delivery, fanOut, receives } from './domain/fan-out';
import { SubscriptionsService } from './subscriptions.service';

const INSERT_CHUNK = 500;

/**
 * The transactional outbox: messages are written in the caller's transaction, so a committed change
 * is always reported and a rolled-back one never; their deliveries are queued once it commits (and
 * found by the reconciler if that is lost).
 */
@Injectable()
export class WebhookOutbox {
  constructor(
    private readonly subscriptions: SubscriptionsService,
    private readonly queue: DeliveryQueue,
    private readonly config: AppConfig,
  ) {}

  /**
   * Whether an active subscription receives this type for one of these clients (null: customer-level),
   * or for any client when none are given: lets callers skip reading and building what nobody receives.
   */
  async wants(manager: EntityManager, type: WebhookEventType, clientIds?: Array<string | null>): Promise<boolean> {
    const subscriptions = await this.subscriptions.active(manager);
    if (!clientIds) return subscriptions.some((s) => s.events.includes(type));
    return subscriptions.some((s) => clientIds.some((clientId) => receives(s, type, clientId)));
  }

  /**
   * Stores one outbox row per delivery (fan-out to the subscriptions that receive each message, batched
   * types grouped); batched deliveries are first attempted after WEBHOOK_BATCH_LINGER_MS, together
   * with the batches of their kind stored meanwhile (DeliveriesService.sendDue).
   */
  async record(manager: EntityManager, messages: WebhookMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const deliveries = fanOut(messages, await this.subscriptions.active(manager), this.config.webhooks.batchSize);
    if (deliveries.length === 0) return;
    const now = Date.now();
    const lingerMs = this.config.webhooks.batchLingerMs;
    const lingers = (d: Delivery) => sentByKind(d.type, 0, lingerMs);
    const ids = deliveries.map(() => randomUUID());
    const rows = deliveries.map((d, i) => [
      ids[i], d.subscriptionId, d.type, d.clientId, JSON.stringify(d.data), d.deferred ? 0 : 1, new Date(now + (lingers(d) ? lingerMs : 0)), new Date(now),
    ]);
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await manager.query(
        'INSERT INTO webhook_messages (delivery_id, subscription_id, type, client_id, data, resolved, next_attempt_at, created_at) VALUES ?',
        [rows.slice(i, i + INSERT_CHUNK)],
      );
    }
    const single = deliveries.flatMap((d, i) => (lingers(d) ? [] : [{ deliveryId: ids[i], delayMs: 0 }]));
    afterCommit(manager, () => void this.queue.addStored(single, kindsOf(deliveries.filter(lingers)), lingerMs));
  }
}

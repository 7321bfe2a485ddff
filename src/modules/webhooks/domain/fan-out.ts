import { BATCHED_TYPES, CLIENT_TYPES, WebhookEventType, WebhookMessage } from './event-types';

export interface ActiveSubscription {
  id: string;
  clientId: string | null;
  events: WebhookEventType[];
}

/** One outbox row: one POST to one subscription, carrying one item or a batch of items of one type. */
export interface Delivery {
  subscriptionId: string;
  type: WebhookEventType;
  clientId: string | null;
  data: Array<Record<string, unknown>>;
  /** The data are references, resolved at the first delivery. */
  deferred: boolean;
}

/** Whether the subscription receives messages of this type concerning this client (null: customer-level). */
export function receives(subscription: ActiveSubscription, type: WebhookEventType, clientId: string | null): boolean {
  if (!subscription.events.includes(type)) return false;
  if (subscription.clientId === null) return true;
  return CLIENT_TYPES.has(type) && clientId === subscription.clientId;
}

/**
 * The deliveries of a transaction's messages: each message goes to every subscription that receives
 * it; batched types are grouped per subscription, type and client into POSTs of at most `batchSize` items.
 */
export function fanOut(messages: WebhookMessage[], subscriptions: ActiveSubscription[], batchSize: number): Delivery[] {
  const deliveries: Delivery[] = [];
  const open = new Map<string, Delivery>();
  for (const message of messages) {
    for (const subscription of subscriptions) {
      if (!receives(subscription, message.type, message.clientId)) continue;
      if (!BATCHED_TYPES.has(message.type)) {
        deliveries.push({ subscriptionId: subscription.id, type: message.type, clientId: message.clientId, data: [message.data], deferred: !!message.deferred });
        continue;
      }
      const key = `${subscription.id}|${message.type}|${message.clientId}|${!!message.deferred}`;
      let batch = open.get(key);
      if (!batch || batch.data.length >= batchSize) {
        batch = { subscriptionId: subscription.id, type: message.type, clientId: message.clientId, data: [], deferred: !!message.deferred };
        open.set(key, batch);
        deliveries.push(batch);
      }
      batch.data.push(message.data);
    }
  }
  return deliveries;
}

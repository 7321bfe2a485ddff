import { BATCHED_TYPES, WebhookEventType } from './event-types';

/** The batches of one subscription, type and client (null: customer-level): they are sent by one job per linger window. */
export interface BatchKind {
  subscriptionId: string;
  type: WebhookEventType;
  clientId: string | null;
}

/** The job that sends a kind's batches; `deferredSince` (ms) once it has given way to event processing. */
export interface BatchJob extends BatchKind {
  deferredSince?: number;
}

/** Whether a delivery is sent by its kind's job: a batch never attempted, when batches linger at all. */
export function sentByKind(type: WebhookEventType, attempts: number, lingerMs: number): boolean {
  return lingerMs > 0 && attempts === 0 && BATCHED_TYPES.has(type);
}

/** The distinct kinds of these deliveries, in first-seen order. */
export function kindsOf(deliveries: Array<{ subscriptionId: string; type: WebhookEventType; clientId: string | null }>): BatchKind[] {
  const kinds = new Map<string, BatchKind>();
  for (const { subscriptionId, type, clientId } of deliveries) {
    const key = `${subscriptionId}|${type}|${clientId}`;
    if (!kinds.has(key)) kinds.set(key, { subscriptionId, type, clientId });
  }
  return [...kinds.values()];
}

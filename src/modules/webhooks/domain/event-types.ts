/** Every webhook event type, in one tuple: the admin API, the docs and the payload builders follow it. */
export const WEBHOOK_EVENT_TYPES = [
  'command.finished',
  'customer_event.processed',
  'customer_event.rejected',
  'customer_event.failed',
  'points.accrued',
  'points.spent',
  'points.expiring',
  'points.expired',
  'customer.status_changed',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/**
 * High-volume types: one POST carries up to WEBHOOK_BATCH_SIZE of them; every other type is one item
 * per POST. Status changes are among them: a day's first purchases activate thousands of customers.
 */
export const BATCHED_TYPES: ReadonlySet<WebhookEventType> = new Set(['points.accrued', 'customer_event.processed', 'customer.status_changed']);

/**
 * Types that concern one client's commands and events: a subscription with a clientId receives these
 * only for that client. Every other type is customer-level and goes to subscriptions without a clientId.
 */
export const CLIENT_TYPES: ReadonlySet<WebhookEventType> = new Set([
  'command.finished', 'customer_event.processed', 'customer_event.rejected', 'customer_event.failed',
]);

/**
 * A change to report: its type, the client it concerns (null: customer-level) and its data item — or,
 * when `deferred`, a reference its owner's resolver turns into data items at the first delivery.
 */
export interface WebhookMessage {
  type: WebhookEventType;
  clientId: string | null;
  data: Record<string, unknown>;
  deferred?: boolean;
}

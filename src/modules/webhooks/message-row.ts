import { DeliveryState } from './domain/delivery-states';
import { WebhookEventType } from './domain/event-types';

/** A row of webhook_messages: one delivery, its data (JSON) and where its attempts stand. */
export interface MessageRow {
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

/** A JSON column as the driver returns it (a string, or already parsed). */
export const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

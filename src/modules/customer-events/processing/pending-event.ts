import { EventFacts } from '../../rewards-rules/domain/event-facts';

/** A pending event as the processor loads it (raw rows: no entity hydration on the hot path). */
export interface PendingEvent {
  number: string;
  id: string;
  clientId: string;
  source: string;
  commandId: string | null;
  customerId: string | null;
  accountId: string | null;
  facts: EventFacts;
  payload: Record<string, unknown> | null;
  /** When the event was accepted, on this process's clock (ms), from the database's own measure of its wait. */
  acceptedAt: number;
}

const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;

export function toPendingEvent(row: Record<string, unknown>): PendingEvent {
  return {
    number: String(row.number),
    id: row.id as string,
    clientId: String(row.client_id),
    source: row.source as string,
    commandId: (row.command_id as string | null) ?? null,
    customerId: (row.customer_id as string | null) ?? null,
    accountId: row.account_id == null ? null : String(row.account_id),
    facts: json<EventFacts>(row.attributes),
    payload: row.payload == null ? null : json<Record<string, unknown>>(row.payload),
    acceptedAt: Date.now() - Number(row.waited_us) / 1000,
  };
}

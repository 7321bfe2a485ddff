import { EventFacts } from '../rewards-rules/domain/event-facts';
import { EventSource, EventState } from './entities/customer-event.entity';

/** An event to store in the register, whichever API brought it. */
export interface NewCustomerEvent {
  clientId: string;
  source: EventSource;
  type: string;
  /** Idempotency key unique per client: `cmd:<eventId>`, `ext:<length of system>:<system>/<reference>`, `ref:<reference_number>`; null = none. */
  externalKey: string | null;
  commandId: string | null;
  customerId: string | null;
  accountId: string | null;
  performedOn: Date;
  amount: string | null;
  attributes: EventFacts;
  payload: Record<string, unknown> | null;
  udf: Record<string, unknown> | null;
  /** Default pending (queued for the rules); `processed` when the caller settles it in the same transaction. */
  state?: EventState;
  points?: string | null;
}

export interface RegisteredEvent {
  id: string;
  number: string;
  /** The external key was already registered: this is the original event, nothing new was stored. */
  duplicate: boolean;
}

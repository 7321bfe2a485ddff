import { CUSTOMER_TYPE_FIELDS } from '../customers';
import { COMMAND_EVENT_TYPES, COMMAND_OPERATION_TYPES } from '../rewards-rules';

/** One event of a loadCustomerEventsExt command after step-1 validation. */
export interface CommandEvent {
  /** The customer's GUID, lower-case. */
  guid: string;
  eventId: string;
  performedOn: Date;
  eventType: (typeof COMMAND_EVENT_TYPES)[number];
  operationType: (typeof COMMAND_OPERATION_TYPES)[number];
  operationAmount: string;
  operationCurrencyRate: string;
  /** operationAmount × operationCurrencyRate, exact, rounded once to 4 decimals (half-up). */
  baseAmount: string;
  merchant: string;
  terminal: string;
  merchantName: string | null;
  customerEvent: string | null;
  bankEvent: string | null;
  customerTypes: Record<(typeof CUSTOMER_TYPE_FIELDS)[number], string | null>;
}

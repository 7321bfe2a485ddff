import Decimal from 'decimal.js';
import { readDecimal } from '../../../common/decimal/decimal-input';
import { ExactDecimal, MAX_AMOUNT } from '../../../common/decimal/points-limits';
import { CommandItemError } from '../../../common/errors';
import { parseDateTime } from '../../../common/time/parse-date-time';
import { CommandEvent } from '../../../modules/customer-events';
import { CUSTOMER_TYPE_FIELDS } from '../../../modules/customers';
import { COMMAND_EVENT_TYPES, COMMAND_OPERATION_TYPES } from '../../../modules/rewards-rules';
import { LOAD_EVENT_MAX_TEXT as MAX_TEXT, LOAD_EVENT_REQUIRED as REQUIRED } from './load-customer-events-ext.schema';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type ItemValidation = { ok: true; event: CommandEvent } | { ok: false; error: CommandItemError };

const fail = (eventId: string | null, description: string): ItemValidation => ({ ok: false, error: { eventId, typeOfError: 'wrongParam', description } });

function optionalText(item: Record<string, unknown>, field: string): string | null | undefined {
  const value = item[field];
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string' || value.length > MAX_TEXT) return undefined;
  return value;
}

function integerCode(value: unknown): string | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'string' && /^\d{1,18}$/.test(value)) return value;
  return null;
}

/** Step 1 of loadCustomerEventsExt for one item: format, required fields and types (seed 000, SPEC §3). */
export function validateCommandEvent(raw: unknown): ItemValidation {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail(null, 'Event must be an object');
  const item = raw as Record<string, unknown>;
  const rawEventId = item.eventId;
  const eventId = typeof rawEventId === 'string' ? rawEventId : typeof rawEventId === 'number' && Number.isSafeInteger(rawEventId) ? String(rawEventId) : null;
  for (const field of REQUIRED) {
    if (item[field] === undefined || item[field] === null || item[field] === '') return fail(eventId, `Required parameter ${field} is missing`);
  }
  if (eventId === null || eventId.length > 64) return fail(eventId, 'Invalid eventId: a string of at most 64 characters is expected');
  if (typeof item.customerId !== 'string' || !UUID.test(item.customerId)) return fail(eventId, 'Invalid customerId: a UUID is expected');
  const performedOn = parseDateTime(item.eventDate, { requireOffset: true });
  if (!performedOn) return fail(eventId, 'Invalid eventDate: an ISO 8601 date-time with offset is expected');
  if (!COMMAND_EVENT_TYPES.includes(item.eventType as never)) return fail(eventId, 'Invalid eventType: operation or event is expected');
  if (!COMMAND_OPERATION_TYPES.includes(item.operationType as never)) return fail(eventId, `Invalid operationType: one of ${COMMAND_OPERATION_TYPES.join(', ')} is expected`);
  const amount = readDecimal(item.operationAmount, 4);
  if (!amount || amount.isNegative() || amount.greaterThan('99999999999999')) {
    return fail(eventId, 'Invalid operationAmount: a non-negative number with at most 4 decimals is expected');
  }
  const rate = readDecimal(item.operationCurrencyRate, 8);
  if (!rate || rate.lessThanOrEqualTo(0) || rate.greaterThan('1000000')) return fail(eventId, 'Invalid operationCurrencyRate: a positive number is expected');
  const baseAmount = new ExactDecimal(amount).times(rate).toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
  if (baseAmount.greaterThan(MAX_AMOUNT)) {
    return fail(eventId, `Invalid operationAmount: operationAmount × operationCurrencyRate must be at most ${MAX_AMOUNT.toFixed(4)}`);
  }
  const merchant = integerCode(item.merchantId);
  if (merchant === null) return fail(eventId, 'Invalid merchantId: an integer is expected');
  const terminal = integerCode(item.terminalId);
  if (terminal === null) return fail(eventId, 'Invalid terminalId: an integer is expected');
  const texts: Record<string, string | null> = {};
  for (const field of ['merchantName', 'customerEvent', 'bankEvent', ...CUSTOMER_TYPE_FIELDS]) {
    const value = optionalText(item, field);
    if (value === undefined) return fail(eventId, `Invalid ${field}: a string of at most ${MAX_TEXT} characters is expected`);
    texts[field] = value;
  }
  return {
    ok: true,
    event: {
      guid: item.customerId.toLowerCase(),
      eventId,
      performedOn,
      eventType: item.eventType as CommandEvent['eventType'],
      operationType: item.operationType as CommandEvent['operationType'],
      operationAmount: amount.toFixed(4),
      operationCurrencyRate: rate.toString(),
      baseAmount: baseAmount.toFixed(4),
      merchant,
      terminal,
      merchantName: texts.merchantName,
      customerEvent: texts.customerEvent,
      bankEvent: texts.bankEvent,
      customerTypes: Object.fromEntries(CUSTOMER_TYPE_FIELDS.map((f) => [f, texts[f]])) as CommandEvent['customerTypes'],
    },
  };
}

import Decimal from 'decimal.js';
import { readDecimal } from '../../../common/decimal/decimal-input';
import { MAX_AMOUNT, MAX_POINTS } from '../../../common/decimal/points-limits';
import { parseDateTime } from '../../../common/time/parse-date-time';
import { COMMAND_EVENT_TYPES, OPERATION_TYPES } from '../../customer-events/domain/load-customer-events-ext.validation';
import { isUuid, isValidEmail, isValidPhone, MAX_UNIQ_ID_LENGTH, normalizeGuid, normalizePhone, readIdentifier } from './customer-fields';

const MAX_EVENT_ID = 64;
const MAX_TEXT = 191;
const MAX_INFO = 10000;
const MAX_MESSAGE = 2000;

export interface CustomerMessageInput {
  text: string;
  showCount: number;
  /** ISO-8601 UTC, or null: shown until its count runs out. */
  showTill: string | null;
}

/** One addCustomerPointMessage item after step 1 (seed 001): identity values normalised, decimals as strings. */
export interface PointMessageItem {
  uniqId: string;
  /** Lower-case; null when the caller sent none (step 1 then finds or generates one for the answer). */
  guid: string | null;
  email: string | null;
  /** Digits without the leading `+`. */
  phone: string | null;
  info: string | null;
  /** Points to accrue, 2 decimals; "0.00" when none. */
  amount: string;
  /** Only with an amount: the accrual's event. */
  eventId: string | null;
  eventDate: string | null;
  event: Record<string, string | null> | null;
  message: CustomerMessageInput | null;
}

export type PointMessageValidation =
  | { ok: true; item: PointMessageItem }
  | { ok: false; error: string; login: string | null; guid: string | null };

const absent = (value: unknown) => value === undefined || value === null || value === '';

/**
 * Step 1 of addCustomerPointMessage for one item: required fields and formats (seed 001 §1.1).
 * Without an amount the event fields are ignored (§3.5); an empty amount is 0.
 */
export function validatePointMessageItem(raw: unknown): PointMessageValidation {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, error: 'Item must be an object', login: null, guid: null };
  const v = raw as Record<string, unknown>;
  const login = typeof v.uniqId === 'string' || typeof v.uniqId === 'number' ? String(v.uniqId) : null;
  const echoGuid = typeof v.guid === 'string' ? v.guid : null;
  const fail = (error: string): PointMessageValidation => ({ ok: false, error, login, guid: echoGuid });

  if (absent(v.uniqId)) return fail('Required parameter uniqId is missing');
  const uniqId = readIdentifier(v.uniqId, MAX_UNIQ_ID_LENGTH);
  if (!uniqId) return fail(`Invalid uniqId: a string of at most ${MAX_UNIQ_ID_LENGTH} characters is expected`);
  if (!absent(v.guid) && !isUuid(v.guid)) return fail('Invalid guid: a UUID is expected');
  if (!absent(v.email) && !isValidEmail(v.email)) return fail('Invalid email: an e-mail address is expected');
  if (!absent(v.phone) && !isValidPhone(v.phone)) return fail('Invalid phone: ^\\+?[1-9]\\d{9,14}$ is expected');
  if (!absent(v.info) && (typeof v.info !== 'string' || v.info.length > MAX_INFO)) return fail(`Invalid info: a string of at most ${MAX_INFO} characters is expected`);

  const amount = absent(v.amount) ? new Decimal(0) : readDecimal(v.amount, 2);
  if (!amount || amount.isNegative()) return fail('Invalid amount: a non-negative number with at most 2 decimals is expected');
  if (amount.gt(MAX_POINTS)) return fail(`Invalid amount: at most ${MAX_POINTS.toFixed(2)} is allowed`);

  let eventId: string | null = null;
  let eventDate: string | null = null;
  let event: Record<string, string | null> | null = null;
  if (amount.gt(0)) {
    if (absent(v.eventId)) return fail('Required parameter eventId is missing');
    eventId = readIdentifier(v.eventId, MAX_EVENT_ID);
    if (!eventId) return fail(`Invalid eventId: a string of at most ${MAX_EVENT_ID} characters is expected`);
    if (absent(v.eventDate)) return fail('Required parameter eventDate is missing');
    const date = parseDateTime(v.eventDate, { requireOffset: true });
    if (!date) return fail('Invalid eventDate: an ISO 8601 date-time with offset is expected');
    eventDate = date.toISOString();
    if (!absent(v.eventType) && !COMMAND_EVENT_TYPES.includes(v.eventType as never)) return fail('Invalid eventType: operation or event is expected');
    if (!absent(v.operationType) && !OPERATION_TYPES.includes(v.operationType as never)) {
      return fail(`Invalid operationType: one of ${OPERATION_TYPES.join(', ')} is expected`);
    }
    const operationAmount = absent(v.operationAmount) ? null : readDecimal(v.operationAmount, 4);
    if (operationAmount?.isNegative() || (!absent(v.operationAmount) && !operationAmount)) {
      return fail('Invalid operationAmount: a non-negative number with at most 4 decimals is expected');
    }
    if (operationAmount?.gt(MAX_AMOUNT)) return fail(`Invalid operationAmount: at most ${MAX_AMOUNT.toFixed(4)} is allowed`);
    event = { eventType: (v.eventType as string) || null, operationType: (v.operationType as string) || null, operationAmount: operationAmount?.toFixed(4) ?? null };
    for (const field of ['merchantName', 'bankProduct', 'mcc']) {
      if (absent(v[field])) event[field] = null;
      else if (typeof v[field] !== 'string' || (v[field] as string).length > MAX_TEXT) return fail(`Invalid ${field}: a string of at most ${MAX_TEXT} characters is expected`);
      else event[field] = v[field] as string;
    }
  }

  let message: CustomerMessageInput | null = null;
  if (!absent(v.message)) {
    if (typeof v.message !== 'string' || v.message.length > MAX_MESSAGE) return fail(`Invalid message: a string of at most ${MAX_MESSAGE} characters is expected`);
    const showCount = absent(v.showCount) ? 1 : v.showCount;
    if (typeof showCount !== 'number' || !Number.isInteger(showCount) || showCount < 1 || showCount > 1_000_000) {
      return fail('Invalid showCount: an integer of at least 1 is expected');
    }
    const showTill = absent(v.showTill) ? null : parseDateTime(v.showTill);
    if (!absent(v.showTill) && !showTill) return fail('Invalid showTill: an ISO 8601 date-time is expected');
    message = { text: v.message, showCount, showTill: showTill?.toISOString() ?? null };
  }

  return {
    ok: true,
    item: {
      uniqId, guid: absent(v.guid) ? null : normalizeGuid(v.guid as string), email: absent(v.email) ? null : (v.email as string),
      phone: absent(v.phone) ? null : normalizePhone(v.phone as string), info: absent(v.info) ? null : (v.info as string),
      amount: amount.toFixed(2), eventId, eventDate, event, message,
    },
  };
}

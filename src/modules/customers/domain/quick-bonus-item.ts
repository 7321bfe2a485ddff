import { readDecimal } from '../../../common/decimal/decimal-input';
import { MAX_POINTS } from '../../../common/decimal/points-limits';
import { parseDateTime } from '../../../common/time/parse-date-time';
import { CustomerReference, echoOfReference, parseCustomerReference } from './customer-reference';
import { readIdentifier } from './customer-fields';

const MAX_EVENT_ID = 64;
const MAX_COMMENT = 500;

/** One addBonusExtQuick item after step 1. */
export interface QuickBonusItem {
  reference: CustomerReference;
  /** Points, 2 decimals, positive. */
  amount: string;
  eventId: string;
  eventDate: string | null;
  comment: string | null;
}

export type QuickBonusValidation =
  | { ok: true; item: QuickBonusItem }
  | { ok: false; error: string; login: string | null; guid: string | null };

const absent = (value: unknown) => value === undefined || value === null || value === '';

/** Step 1 of addBonusExtQuick for one item: one customer identifier, a positive amount and an eventId. */
export function validateQuickBonusItem(raw: unknown): QuickBonusValidation {
  const { login, guid } = echoOfReference(raw);
  const fail = (error: string): QuickBonusValidation => ({ ok: false, error, login, guid });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('Item must be an object');
  const v = raw as Record<string, unknown>;
  const parsed = parseCustomerReference(v);
  if (!parsed.ok) return fail(parsed.error);
  if (absent(v.amount)) return fail('Required parameter amount is missing');
  const amount = readDecimal(v.amount, 2);
  if (!amount || amount.lte(0)) return fail('Invalid amount: a positive number with at most 2 decimals is expected');
  if (amount.gt(MAX_POINTS)) return fail(`Invalid amount: at most ${MAX_POINTS.toFixed(2)} is allowed`);
  if (absent(v.eventId)) return fail('Required parameter eventId is missing');
  const eventId = readIdentifier(v.eventId, MAX_EVENT_ID);
  if (!eventId) return fail(`Invalid eventId: a string of at most ${MAX_EVENT_ID} characters is expected`);
  const eventDate = absent(v.eventDate) ? null : parseDateTime(v.eventDate, { requireOffset: true });
  if (!absent(v.eventDate) && !eventDate) return fail('Invalid eventDate: an ISO 8601 date-time with offset is expected');
  if (!absent(v.comment) && (typeof v.comment !== 'string' || v.comment.length > MAX_COMMENT)) {
    return fail(`Invalid comment: a string of at most ${MAX_COMMENT} characters is expected`);
  }
  return {
    ok: true,
    item: { reference: parsed.reference, amount: amount.toFixed(2), eventId, eventDate: eventDate?.toISOString() ?? null, comment: absent(v.comment) ? null : (v.comment as string) },
  };
}

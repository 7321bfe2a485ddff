import { EVENT_TYPES, EventFacts } from './event-facts';
import { FieldReader, Parsed } from './field-reader';
import { VALUE_CONDITIONS } from './rule-definition';

const AMOUNT_SCALE = 4;
const CODE_FIELDS = ['operationType', ...Object.values(VALUE_CONDITIONS)] as const;
const FACT_KEYS = ['eventType', 'performedOn', 'amount', 'products', 'kpis', 'referral', ...CODE_FIELDS];

/**
 * Reads an event as the rules see it from untrusted JSON (the simulate endpoint): every field of
 * EventFacts, numbers as JSON numbers or decimal strings, unknown fields refused so a mistyped
 * field does not silently simulate a different event.
 */
export function parseEventFacts(input: unknown, path = 'event'): Parsed<EventFacts> {
  const r = new FieldReader();
  const body = r.object(path, input);
  if (!body) return { ok: false, errors: r.errors };
  r.onlyKeys(path, body, FACT_KEYS, 'a field of an event');

  const facts = {} as EventFacts;
  const eventType = r.oneOf(`${path}.eventType`, body.eventType, EVENT_TYPES);
  if (eventType) facts.eventType = eventType;
  const performedOn = r.dateTime(`${path}.performedOn`, body.performedOn);
  if (performedOn) facts.performedOn = performedOn;
  if (body.amount != null) facts.amount = r.decimal(`${path}.amount`, body.amount, AMOUNT_SCALE, 'nonNegative');
  for (const field of CODE_FIELDS) if (body[field] != null) facts[field] = r.code(`${path}.${field}`, body[field]);
  if (body.products != null) {
    facts.products = r.list(`${path}.products`, body.products, (p, v) => {
      const product = r.object(p, v);
      if (!product) return undefined;
      r.onlyKeys(p, product, ['code', 'quantity', 'totalAmount'], 'a field of a product (code, quantity, totalAmount)');
      const code = r.code(`${p}.code`, product.code);
      const quantity = r.decimal(`${p}.quantity`, product.quantity, AMOUNT_SCALE, 'nonNegative');
      const totalAmount = r.decimal(`${p}.totalAmount`, product.totalAmount, AMOUNT_SCALE, 'nonNegative');
      return code && quantity && totalAmount ? { code, quantity, totalAmount } : undefined;
    });
  }
  if (body.kpis != null) {
    facts.kpis = r.list(`${path}.kpis`, body.kpis, (p, v) => {
      const kpi = r.object(p, v);
      if (!kpi) return undefined;
      r.onlyKeys(p, kpi, ['code', 'value'], 'a field of a KPI (code, value)');
      const code = r.code(`${p}.code`, kpi.code);
      const value = r.decimal(`${p}.value`, kpi.value, AMOUNT_SCALE, 'any');
      return code && value ? { code, value } : undefined;
    });
  }
  if (body.referral != null) {
    const referral = r.object(`${path}.referral`, body.referral);
    if (referral) {
      r.onlyKeys(`${path}.referral`, referral, ['referrerAccountId', 'referredAccountId'], 'a field of a referral');
      const referrerAccountId = readAccountId(r, `${path}.referral.referrerAccountId`, referral.referrerAccountId);
      const referredAccountId = readAccountId(r, `${path}.referral.referredAccountId`, referral.referredAccountId);
      if (referrerAccountId && referredAccountId) facts.referral = { referrerAccountId, referredAccountId };
    }
  }
  return r.result(facts);
}

/** A bonus account id: a positive integer, as a string. */
export function readAccountId(r: FieldReader, path: string, value: unknown): string | undefined {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== 'string' || !/^[1-9]\d{0,19}$/.test(text)) return r.fail(path, 'must be a bonus account id (a positive integer)');
  return text;
}

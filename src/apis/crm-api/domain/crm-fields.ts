import Decimal from 'decimal.js';
import { readDecimal } from '../../../common/decimal/decimal-input';
import { parseDateTime } from '../../../common/time/parse-date-time';
import { crmErrors, CrmItemError, CrmItemFailure } from '../crm-api.errors';

/**
 * Readers of single CRM fields. Each returns the value or `undefined` when the field is absent
 * (null counts as absent) and throws CrmItemFailure with the field's CRM error otherwise.
 */
export type JsonObject = Record<string, unknown>;

export const MAX_STRING = 255;
export const MAX_DESCRIPTION = 2000;
/** DECIMAL(18,4) holds 14 integer digits. */
const AMOUNT_LIMIT = new Decimal('1e14');
const NEGATIVE_AMOUNT_LIMIT = AMOUNT_LIMIT.negated();

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function fail(error: CrmItemError): never {
  throw new CrmItemFailure(error);
}

export function isGiven(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

export function readString(value: unknown, param: string, max = MAX_STRING): string | undefined {
  if (!isGiven(value)) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') fail(crmErrors.invalidValue(param, 'The value must be a string.'));
  if (value.length > max) fail(crmErrors.invalidValue(param, `The value must be at most ${max} characters long.`));
  return value;
}

export function requireString(value: unknown, param: string, max = MAX_STRING): string {
  return readString(value, param, max) ?? fail(crmErrors.mandatoryMissing(param));
}

/** A CRM date-time: ISO-8601, UTC when it carries no offset; a bare date is midnight UTC. */
export function readDateTime(value: unknown, param: string): Date | undefined {
  if (!isGiven(value)) return undefined;
  const text = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00` : value;
  return parseDateTime(text) ?? fail(crmErrors.invalidValue(param, 'The value must be a date-time such as 2016-06-22T15:00:00.'));
}

/** An amount: a JSON number or decimal string with at most `maxDecimals` decimals, not negative unless allowed. */
export function readAmount(value: unknown, param: string, options: { maxDecimals?: number; allowNegative?: boolean } = {}): Decimal | undefined {
  if (!isGiven(value)) return undefined;
  const maxDecimals = options.maxDecimals ?? 4;
  const amount = readDecimal(value, maxDecimals);
  if (!amount) fail(crmErrors.invalidValue(param, `The value must be a number with at most ${maxDecimals} decimals.`));
  if (amount.isNegative() && !amount.isZero() && !options.allowNegative) fail(crmErrors.invalidValue(param, 'The value must not be negative.'));
  if (amount.greaterThanOrEqualTo(AMOUNT_LIMIT) || amount.lessThanOrEqualTo(NEGATIVE_AMOUNT_LIMIT)) fail(crmErrors.invalidValue(param, 'The value is too large.'));
  return amount;
}

/** The sum of the products' `total_amount`: the event's amount, which must fit like any amount. */
export function productsTotal(totals: Decimal[], param: string): Decimal {
  const total = totals.reduce((sum, amount) => sum.plus(amount), new Decimal(0));
  if (total.greaterThanOrEqualTo(AMOUNT_LIMIT)) fail(crmErrors.invalidValue(param, 'The sum of the total amounts is too large.'));
  return total;
}

export function requireAmount(value: unknown, param: string, options?: { maxDecimals?: number; allowNegative?: boolean }): Decimal {
  return readAmount(value, param, options) ?? fail(crmErrors.mandatoryMissing(param));
}

export const UDF_STRINGS = 16;
export const UDF_FLOATS = 4;
export const UDF_DATES = 4;

const names = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);
const UDF_STRING_NAMES = names('udf_string_', UDF_STRINGS);
const UDF_FLOAT_NAMES = names('udf_float_', UDF_FLOATS);
const UDF_DATE_NAMES = names('udf_date_', UDF_DATES);
export const UDF_NAMES: ReadonlySet<string> = new Set([...UDF_STRING_NAMES, ...UDF_FLOAT_NAMES, ...UDF_DATE_NAMES]);

/** `udf_string_1..16`, `udf_float_1..4`, `udf_date_1..4` of an item, or null when it has none. */
export function readUdfs(item: JsonObject): JsonObject | null {
  let udf: JsonObject | null = null;
  for (const name of UDF_STRING_NAMES) {
    if (item[name] === undefined) continue;
    const value = readString(item[name], name);
    if (value !== undefined) (udf ??= {})[name] = value;
  }
  for (const name of UDF_FLOAT_NAMES) {
    const raw = item[name];
    if (!isGiven(raw)) continue;
    const number = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
    if (!Number.isFinite(number)) fail(crmErrors.invalidValue(name, 'The value must be a number.'));
    (udf ??= {})[name] = raw;
  }
  for (const name of UDF_DATE_NAMES) {
    if (item[name] === undefined) continue;
    const value = readDateTime(item[name], name);
    if (value !== undefined) (udf ??= {})[name] = value.toISOString();
  }
  return udf;
}

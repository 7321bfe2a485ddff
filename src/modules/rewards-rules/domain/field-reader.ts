import Decimal from 'decimal.js';
import { readDecimal } from '../../../common/decimal/decimal-input';
import { parseDateTime } from '../../../common/time/parse-date-time';

export const CODE_MAX_LENGTH = 191;

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/**
 * Reads untrusted JSON field by field, collecting one message per bad field (named by its path,
 * e.g. `when.daysOfWeek`) instead of stopping at the first. Each reader returns undefined when the
 * field is bad, so callers can go on with the rest.
 */
export class FieldReader {
  readonly errors: string[] = [];

  fail(path: string, problem: string): undefined {
    this.errors.push(`${path} ${problem}`);
    return undefined;
  }

  object(path: string, value: unknown): Record<string, unknown> | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return this.fail(path, 'must be an object');
    return value as Record<string, unknown>;
  }

  /** Rejects keys outside `known`: a mistyped condition would otherwise widen a rule silently. */
  onlyKeys(path: string, value: Record<string, unknown>, known: readonly string[], what: string): void {
    for (const key of Object.keys(value)) if (!known.includes(key)) this.fail(`${path}.${key}`, `is not ${what}`);
  }

  string(path: string, value: unknown, maxLength = CODE_MAX_LENGTH): string | undefined {
    if (typeof value !== 'string' || value.trim() === '') return this.fail(path, 'must be a non-empty string');
    if (value.length > maxLength) return this.fail(path, `must be at most ${maxLength} characters`);
    return value;
  }

  /** A directory code; integers are accepted as codes (Command API merchant and terminal ids are numbers). */
  code(path: string, value: unknown): string | undefined {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
    return this.string(path, value);
  }

  boolean(path: string, value: unknown): boolean | undefined {
    if (typeof value !== 'boolean') return this.fail(path, 'must be true or false');
    return value;
  }

  integer(path: string, value: unknown, min: number, max: number): number | undefined {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      return this.fail(path, `must be an integer from ${min} to ${max}`);
    }
    return value;
  }

  /**
   * A JSON number or decimal string, at most `scale` decimals, that fits DECIMAL(18, scale);
   * returned as its canonical decimal string.
   */
  decimal(path: string, value: unknown, scale: number, sign: 'positive' | 'nonNegative' | 'any'): string | undefined {
    const what = { positive: 'a positive', nonNegative: 'a non-negative', any: 'a' }[sign];
    const problem = `must be ${what} decimal number with at most ${scale} decimals (a JSON number or a string)`;
    const decimal = readDecimal(value, scale);
    if (!decimal) return this.fail(path, problem);
    if ((sign === 'positive' && !decimal.gt(0)) || (sign === 'nonNegative' && decimal.isNegative() && !decimal.isZero())) {
      return this.fail(path, problem);
    }
    if (decimal.abs().gte(new Decimal(10).pow(18 - scale))) return this.fail(path, `must be less than 1e${18 - scale}`);
    return decimal.isZero() ? '0' : decimal.toFixed();
  }

  /** An ISO-8601 date-time (offset `Z`, `+03`, `+0300`, `+03:00`; none means UTC), as ISO UTC. */
  dateTime(path: string, value: unknown): string | undefined {
    const date = parseDateTime(value);
    if (!date) return this.fail(path, 'must be an ISO-8601 date-time such as 2025-01-01T00:00:00Z');
    return date.toISOString();
  }

  /** A non-empty list read item by item; duplicates are dropped. */
  list<T>(path: string, value: unknown, item: (itemPath: string, itemValue: unknown) => T | undefined): T[] | undefined {
    if (!Array.isArray(value) || value.length === 0) return this.fail(path, 'must be a non-empty list');
    const items: T[] = [];
    let bad = false;
    value.forEach((v, i) => {
      const read = item(`${path}[${i}]`, v);
      if (read === undefined) bad = true;
      else if (!items.includes(read)) items.push(read);
    });
    return bad ? undefined : items;
  }

  oneOf<T extends string>(path: string, value: unknown, allowed: readonly T[]): T | undefined {
    if (typeof value !== 'string' || !allowed.includes(value as T)) return this.fail(path, `must be one of: ${allowed.join(', ')}`);
    return value as T;
  }

  result<T>(value: T): Parsed<T> {
    return this.errors.length ? { ok: false, errors: this.errors } : { ok: true, value };
  }
}

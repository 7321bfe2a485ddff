const DATE_TIME = '(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2})(?::(\\d{2})(\\.\\d{1,9})?)?';
const OFFSET = '(Z|[+-]\\d{2}(?::?\\d{2})?)';
const ISO = new RegExp(`^${DATE_TIME}${OFFSET}?$`);

/** The text forms parseDateTime reads, as patterns for the wire schemas (a trimmed value). */
export const DATE_TIME_PATTERN = ISO.source;
export const DATE_TIME_WITH_OFFSET_PATTERN = `^${DATE_TIME}${OFFSET}$`;

/**
 * Parses an ISO-8601 date-time whose offset may be written `Z`, `+03`, `+0300` or `+03:00`.
 * Without an offset the time is UTC (CRM API) unless `requireOffset` says it must be given
 * (Command API). Returns null for anything else, including impossible dates such as 02-30.
 */
export function parseDateTime(value: unknown, options: { requireOffset?: boolean } = {}): Date | null {
  if (typeof value !== 'string') return null;
  const m = ISO.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s = '0', frac = '', offset] = m;
  if (!offset && options.requireOffset) return null;
  const year = +y, month = +mo, day = +d, hour = +h, minute = +mi, second = +s;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const ms = frac ? Math.floor(Number(`0${frac}`) * 1000) : 0;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return null;
  let offsetMinutes = 0;
  if (offset && offset !== 'Z') {
    const sign = offset[0] === '-' ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    const oh = +digits.slice(0, 2), om = digits.length > 2 ? +digits.slice(2) : 0;
    if (oh > 18 || om > 59) return null;
    offsetMinutes = sign * (oh * 60 + om);
  }
  return new Date(utc - offsetMinutes * 60000);
}

const DAY_MS = 86_400_000;

export interface Period {
  from: Date;
  till: Date;
}

/**
 * A whole UTC day (`2025-03-01`) or an ISO 8601 date-time; a day starts at 00:00 as a start and
 * ends at 23:59:59.999 as an end. Null when the text is neither.
 */
export function readBoundary(text: string, end: boolean): Date | null {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const date = new Date(day ? `${text}T${end ? '23:59:59.999' : '00:00:00.000'}Z` : text);
  return Number.isNaN(date.getTime()) ? null : date;
}

/**
 * Splits [from, till] (both included, millisecond precision as the ledger stores) into back-to-back
 * periods of at most `maxDays` days: each one ends a millisecond before the next starts, so no
 * operation falls in two periods and none between them.
 */
export function splitPeriod(from: Date, till: Date, maxDays: number): Period[] {
  const periods: Period[] = [];
  for (let start = from.getTime(); start <= till.getTime(); start += maxDays * DAY_MS) {
    periods.push({ from: new Date(start), till: new Date(Math.min(start + maxDays * DAY_MS - 1, till.getTime())) });
  }
  return periods;
}

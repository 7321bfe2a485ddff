import { InputRecord } from './read-records';

/** An item error of a wrongData answer: `{"eventId","typeOfError","description"}`. */
export interface StepOneError {
  eventId: string | null;
  typeOfError?: string;
  description: string;
}

/** The eventId as the engine reads it: a string, or a whole number sent as a JSON number; otherwise null. */
export function eventIdOf(item: Record<string, unknown> | null): string | null {
  const value = item?.eventId;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return null;
}

/**
 * Splits a chunk that the engine rejected with item errors into the records the errors name (by
 * eventId; an error without eventId names the records without a usable one) and the rest, to be
 * sent again. Errors that name no record reject the whole chunk, so a resend can never loop.
 */
export function splitRejected(records: InputRecord[], errors: StepOneError[]): { kept: InputRecord[]; rejected: Array<{ record: InputRecord; error: string }> } {
  const byEventId = new Map<string | null, string[]>();
  for (const e of errors) {
    const key = e.eventId === undefined || e.eventId === null ? null : String(e.eventId);
    byEventId.set(key, [...(byEventId.get(key) ?? []), e.description]);
  }
  const kept: InputRecord[] = [];
  const rejected: Array<{ record: InputRecord; error: string }> = [];
  for (const record of records) {
    const descriptions = byEventId.get(eventIdOf(record.item));
    if (descriptions) rejected.push({ record, error: [...new Set(descriptions)].join('; ') });
    else kept.push(record);
  }
  if (rejected.length === 0) {
    const all = [...new Set(errors.map((e) => e.description))].join('; ') || 'Rejected by the engine';
    return { kept: [], rejected: records.map((record) => ({ record, error: all })) };
  }
  return { kept, rejected };
}

import { parseDateTime } from '../../../common/time/parse-date-time';

export const MAX_REQUEUE_IDS = 1000;
const EVENT_ID = /^[0-9A-Fa-f]{32}$/;

/** Which failed events an admin sends back to processing: named ones, or those that failed in a period. */
export type RequeueSelection = { ids: string[] } | { state: 'failed'; from: Date; to: Date };

export type ParsedSelection = { ok: true; value: RequeueSelection } | { ok: false; errors: string[] };

/** Reads `{ids}` or `{state: 'failed', from, to}`; every problem is named. */
export function parseRequeueSelection(body: Record<string, unknown>): ParsedSelection {
  const { ids, state, from, to } = body;
  if (ids !== undefined) {
    if (state !== undefined || from !== undefined || to !== undefined) return fail('give either ids or state, from and to');
    if (!Array.isArray(ids) || ids.length === 0 || ids.length > MAX_REQUEUE_IDS) {
      return fail(`ids must be a list of 1 to ${MAX_REQUEUE_IDS} event ids`);
    }
    const bad = ids.findIndex((id) => typeof id !== 'string' || !EVENT_ID.test(id));
    if (bad >= 0) return fail(`ids[${bad}] is not an event id (32 hexadecimal characters)`);
    return { ok: true, value: { ids: [...new Set((ids as string[]).map((id) => id.toUpperCase()))] } };
  }
  const errors: string[] = [];
  if (state !== 'failed') errors.push("state must be 'failed' (or give ids)");
  const fromDate = parseDateTime(from);
  const toDate = parseDateTime(to);
  if (!fromDate) errors.push('from must be an ISO-8601 date-time');
  if (!toDate) errors.push('to must be an ISO-8601 date-time');
  if (fromDate && toDate && toDate < fromDate) errors.push('to must not be before from');
  if (errors.length || !fromDate || !toDate) return { ok: false, errors };
  return { ok: true, value: { state: 'failed', from: fromDate, to: toDate } };
}

const fail = (error: string): ParsedSelection => ({ ok: false, errors: [error] });

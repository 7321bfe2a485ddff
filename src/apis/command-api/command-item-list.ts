import { emptyList, listRequired, tooManyItems } from './command-api.errors';

/** The command's item list: present, an array, not empty, at most `max` items — else wrongFormat. */
export function readItemList(body: Record<string, unknown>, field: string, max: number): unknown[] {
  const items = body[field];
  if (!Array.isArray(items)) throw listRequired(field);
  if (items.length === 0) throw emptyList(field);
  if (items.length > max) throw tooManyItems(field, max);
  return items;
}

/**
 * One CSV row as a wire item. A column's header is the field's path in the item: `eventId` is a
 * top-level field, `accounts_receivable_identifier.number` a field of a nested object and
 * `products_set.0.total_amount` a field of the first element of a list. Empty cells are left out,
 * so optional fields can stay blank. Values stay text: the engine reads decimal strings exactly.
 */
export function csvRecordToItem(row: Record<string, string>): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const [header, value] of Object.entries(row)) {
    if (value === undefined || value === '') continue;
    const path = header.split('.').map((part) => part.trim());
    if (path.some((part) => part === '')) throw new Error(`Invalid column name "${header}"`);
    setPath(item, path, value);
  }
  return compactLists(item) as Record<string, unknown>;
}

function setPath(target: Record<string, unknown> | unknown[], path: string[], value: string): void {
  const [head, ...rest] = path;
  const container = target as Record<string, unknown>;
  if (rest.length === 0) {
    container[head] = value;
    return;
  }
  const nextIsIndex = /^\d+$/.test(rest[0]);
  const existing = container[head];
  const child = existing !== undefined && typeof existing === 'object' ? existing : nextIsIndex ? [] : {};
  container[head] = child;
  setPath(child as Record<string, unknown>, rest, value);
}

/** Lists are written at the indexes the columns name; holes left by blank groups are dropped. */
function compactLists(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== undefined).map(compactLists);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, compactLists(v)]));
  }
  return value;
}

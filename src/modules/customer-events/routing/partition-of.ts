/**
 * Where an event is processed. Every event of one customer goes to the same partition, so one
 * job at a time applies that customer's events: the customer's GUID when it has one (a Command API
 * event names its customer by GUID before the customer exists), else its bonus account.
 */
export interface RoutedEvent {
  id: string;
  /** Lower-case GUID of the customer (stored, or as the command sent it); null when it has none. */
  guid: string | null;
  accountId: string | null;
}

export function routingKeyOf(event: RoutedEvent): string {
  if (event.guid) return `g:${event.guid.toLowerCase()}`;
  if (event.accountId) return `a:${event.accountId}`;
  return `e:${event.id}`;
}

/** FNV-1a (32 bit) of the key, modulo the partitions: stable across processes and releases. */
export function partitionOf(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % partitions;
}

export interface PartitionChunk {
  partition: number;
  eventIds: string[];
}

/** The events split by partition, in the order given, in chunks of at most `chunkSize`. */
export function chunkByPartition(events: RoutedEvent[], partitions: number, chunkSize: number): PartitionChunk[] {
  const byPartition = new Map<number, string[]>();
  for (const event of events) {
    const partition = partitionOf(routingKeyOf(event), partitions);
    const ids = byPartition.get(partition);
    if (ids) ids.push(event.id);
    else byPartition.set(partition, [event.id]);
  }
  const chunks: PartitionChunk[] = [];
  for (const [partition, ids] of [...byPartition.entries()].sort(([a], [b]) => a - b)) {
    for (let start = 0; start < ids.length; start += chunkSize) chunks.push({ partition, eventIds: ids.slice(start, start + chunkSize) });
  }
  return chunks;
}

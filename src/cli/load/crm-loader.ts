import { BulkEventType } from '../../apis/crm-api/domain/bulk-event-types';
import { CrmApi } from '../engine/crm-api';
import { LoadCounts } from './counts';
import { ErrorEntry } from './error-report';
import { errorEntry, LoadState, unreadableEntries } from './load-state';
import { InputRecord } from './read-records';

export interface CrmLoadOptions {
  chunkSize: number;
  concurrency: number;
  /** Identifies the input file in the external references the loader gives events that have none. */
  fingerprint: string;
}

/** external_system of the references the loader adds, so that a chunk resent after a crash is not stored twice. */
export const LOADER_EXTERNAL_SYSTEM = 'bonus-engine-load';

interface ChunkResult {
  to: number;
  entries: ErrorEntry[];
  counts: Partial<LoadCounts>;
}

/**
 * Wire items for a bulk call: each gets a request_unique_identifier (its line, unless it has one)
 * and, unless it names its own, an external reference made of the file's fingerprint and its position.
 */
export function bulkItems(records: InputRecord[], fingerprint: string): Array<Record<string, unknown>> {
  return records.map((r) => {
    const item: Record<string, unknown> = { ...r.item };
    if (item.request_unique_identifier === undefined || item.request_unique_identifier === null || item.request_unique_identifier === '') {
      item.request_unique_identifier = String(r.line);
    }
    if (item.external_system === undefined && item.external_system_reference_number === undefined) {
      item.external_system = LOADER_EXTERNAL_SYSTEM;
      item.external_system_reference_number = `${fingerprint}:${r.index}`;
    }
    return item;
  });
}

/**
 * CRM bulk calls with up to `concurrency` in flight. Results are committed in file order, so the
 * checkpoint's position only passes chunks whose every event is stored or reported.
 */
export class CrmLoader {
  constructor(
    private readonly state: LoadState,
    private readonly api: CrmApi,
    private readonly type: BulkEventType,
    private readonly options: CrmLoadOptions,
  ) {}

  async run(records: AsyncIterable<InputRecord>): Promise<void> {
    const { done } = this.state.checkpoint;
    const window: Array<Promise<ChunkResult>> = [];
    let chunk: InputRecord[] = [];
    const launch = async () => {
      const sending = this.send(chunk);
      sending.catch(() => undefined);
      window.push(sending);
      chunk = [];
      if (window.length >= this.options.concurrency) this.commit(await window.shift()!);
    };
    for await (const record of records) {
      if (record.index <= done) continue;
      chunk.push(record);
      if (chunk.length >= this.options.chunkSize) await launch();
    }
    if (chunk.length > 0) await launch();
    while (window.length > 0) this.commit(await window.shift()!);
  }

  private commit(result: ChunkResult): void {
    this.state.commit(result.entries, result.counts, { done: result.to });
  }

  private async send(records: InputRecord[]): Promise<ChunkResult> {
    const to = records[records.length - 1].index;
    const unreadable = unreadableEntries(records);
    const events = records.filter((r) => r.item !== null);
    if (events.length === 0) return { to, entries: unreadable, counts: { rejected: unreadable.length } };
    const items = bulkItems(events, this.options.fingerprint);
    const byRequestId = new Map<string, InputRecord>();
    items.forEach((item, i) => {
      const key = String(item.request_unique_identifier);
      if (!byRequestId.has(key)) byRequestId.set(key, events[i]);
    });
    const answer = await this.api.createBulk(this.type.path, this.type.setName, items);
    const rejected = answer.unprocessed.map((u) => {
      const record = u.request_unique_identifier === null ? undefined : byRequestId.get(String(u.request_unique_identifier));
      const error = `${u.error_code}: ${u.error_description}`;
      return record ? errorEntry(record, 'accept', 'rejected', error) : { line: 0, eventId: null, stage: 'accept' as const, state: 'rejected' as const, error, event: null };
    });
    return {
      to,
      entries: [...unreadable, ...rejected],
      counts: { sent: answer.processed.length, processed: answer.processed.length, rejected: unreadable.length + rejected.length },
    };
  }
}

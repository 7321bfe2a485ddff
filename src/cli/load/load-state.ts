import { addCounts, LoadCounts } from './counts';
import { Checkpoint, CheckpointFile, InFlightCommand } from './checkpoint';
import { ErrorEntry, ErrorReport } from './error-report';
import { InputRecord } from './read-records';
import { eventIdOf } from './step-one-rejections';

/** A file's load in progress: its checkpoint and error report, always written together, report first. */
export class LoadState {
  constructor(
    readonly checkpoint: Checkpoint,
    private readonly file: CheckpointFile,
    private readonly report: ErrorReport,
  ) {}

  /** Appends the entries, adds the counts and moves the position, then saves the checkpoint. */
  commit(entries: ErrorEntry[], counts: Partial<LoadCounts>, position: { done?: number; inFlight?: InFlightCommand | null } = {}): void {
    this.report.append(entries);
    this.checkpoint.counts = addCounts(this.checkpoint.counts, counts);
    if (position.done !== undefined) this.checkpoint.done = position.done;
    if (position.inFlight !== undefined) this.checkpoint.inFlight = position.inFlight;
    this.save();
  }

  save(): void {
    this.checkpoint.errorsBytes = this.report.size();
    this.file.write(this.checkpoint);
  }

  counts(): LoadCounts {
    return this.checkpoint.counts;
  }
}

export function errorEntry(record: InputRecord, stage: ErrorEntry['stage'], state: ErrorEntry['state'], error: string): ErrorEntry {
  return { line: record.line, eventId: eventIdOf(record.item), stage, state, error, event: record.item };
}

/** Records that are not events go to the report as they are read: they are never sent. */
export const unreadableEntries = (records: InputRecord[]): ErrorEntry[] =>
  records.filter((r) => r.item === null).map((r) => errorEntry(r, 'read', 'rejected', r.error ?? 'Not an event'));

import { closeSync, existsSync, fstatSync, ftruncateSync, openSync, writeSync } from 'fs';

/** One rejected or failed event, as a line of FILE.errors.ndjson. */
export interface ErrorEntry {
  line: number;
  eventId: string | null;
  /** read: not an event; accept: rejected at step 1 (the call); process: rejected or failed at step 2. */
  stage: 'read' | 'accept' | 'process';
  state: 'rejected' | 'failed' | 'cancelled';
  error: string;
  /** The event as read from the file, to fix and send again. */
  event: Record<string, unknown> | null;
}

/** The error report: appended line by line; cut back to the checkpoint's length when a load resumes. */
export class ErrorReport {
  private readonly fd: number;

  constructor(readonly path: string, keepBytes: number) {
    this.fd = openSync(path, existsSync(path) ? 'r+' : 'w+');
    ftruncateSync(this.fd, Math.min(keepBytes, fstatSync(this.fd).size));
  }

  append(entries: ErrorEntry[]): void {
    if (entries.length === 0) return;
    writeSync(this.fd, entries.map((e) => `${JSON.stringify(e)}\n`).join(''), this.size());
  }

  size(): number {
    return fstatSync(this.fd).size;
  }

  close(): void {
    closeSync(this.fd);
  }
}

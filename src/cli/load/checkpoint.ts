import { createHash } from 'crypto';
import { existsSync, promises as fs, readFileSync, renameSync, unlinkSync, writeFileSync } from 'fs';
import { CliError } from '../cli-error';
import { LoadCounts } from './counts';

/** A command sent but not yet known to be finished: the records it covers and what it left out. */
export interface InFlightCommand {
  from: number;
  to: number;
  /** Null while the engine's answer is not known: the command may or may not have been accepted. */
  commandId: string | null;
  /** Records of the range not in the command: unreadable or rejected at step 1 (already in the error report). */
  excluded: number[];
}

/** The resume state of one input file. */
export interface Checkpoint {
  version: 1;
  input: { fingerprint: string; size: number };
  via: string;
  /** Every record up to this index is final: accepted and followed, or in the error report. */
  done: number;
  inFlight: InFlightCommand | null;
  /** Length of the error report when the checkpoint was written; a resume cuts the report back to it. */
  errorsBytes: number;
  counts: LoadCounts;
  finished: boolean;
}

const FINGERPRINT_BYTES = 1 << 20;

/** Identifies a file by its size and first MiB, so a checkpoint is never applied to another file. */
export async function fingerprintFile(path: string): Promise<{ fingerprint: string; size: number }> {
  const handle = await fs.open(path, 'r');
  try {
    const { size } = await handle.stat();
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(Math.min(size, FINGERPRINT_BYTES)), 0, Math.min(size, FINGERPRINT_BYTES), 0);
    const fingerprint = createHash('sha256').update(String(size)).update(buffer.subarray(0, bytesRead)).digest('hex').slice(0, 16);
    return { fingerprint, size };
  } finally {
    await handle.close();
  }
}

export function newCheckpoint(input: Checkpoint['input'], via: string, counts: LoadCounts): Checkpoint {
  return { version: 1, input, via, done: 0, inFlight: null, errorsBytes: 0, counts, finished: false };
}

/** Why `checkpoint` cannot resume this load, or null when it can. */
export function resumeConflict(checkpoint: Checkpoint, input: Checkpoint['input'], via: string): string | null {
  if (checkpoint.input.fingerprint !== input.fingerprint || checkpoint.input.size !== input.size) return 'it was written for another version of the file';
  if (checkpoint.via !== via) return `it was written for a load through ${checkpoint.via}`;
  return null;
}

/** The checkpoint file: read once at the start, rewritten atomically (temporary file + rename) after every step. */
export class CheckpointFile {
  constructor(readonly path: string) {}

  read(): Checkpoint | null {
    if (!existsSync(this.path)) return null;
    try {
      const value = JSON.parse(readFileSync(this.path, 'utf8'));
      if (value?.version !== 1) throw new Error('unknown version');
      return value as Checkpoint;
    } catch (error) {
      throw new CliError(`The checkpoint ${this.path} cannot be read (${(error as Error).message}); delete it or run with --restart`);
    }
  }

  write(checkpoint: Checkpoint): void {
    const temporary = `${this.path}.tmp`;
    writeFileSync(temporary, JSON.stringify(checkpoint));
    renameSync(temporary, this.path);
  }

  remove(): void {
    if (existsSync(this.path)) unlinkSync(this.path);
  }
}

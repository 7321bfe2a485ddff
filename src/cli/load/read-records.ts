import { parse as parseCsv } from 'csv-parse';
import { createReadStream, promises as fs } from 'fs';
import { createInterface } from 'readline';
import { pipeline, Readable } from 'stream';
import { parser as jsonParser } from 'stream-json';
import { streamArray } from 'stream-json/streamers/StreamArray';
import { createGunzip } from 'zlib';
import { CliError } from '../cli-error';
import { csvRecordToItem } from './csv-record';

export const INPUT_FORMATS = ['ndjson', 'csv', 'json'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** One event of the input: its place in the file and either the wire item or why it could not be read. */
export interface InputRecord {
  /** 1-based position among the file's records: what the checkpoint counts. */
  index: number;
  /** Line of the file (NDJSON, CSV) or position in the array (JSON), for the error report. */
  line: number;
  item: Record<string, unknown> | null;
  /** Why the record is not an event (invalid JSON, not an object); such a record is never sent. */
  error: string | null;
}

export interface InputFile {
  records: AsyncIterable<InputRecord>;
  /** Bytes of the file read so far (compressed bytes for a gzip file), for the progress bar. */
  bytesRead: () => number;
  size: number;
}

/** Errors reach the reader through the last stream of a pipeline, which is destroyed with them. */
const ignore = () => undefined;
const GZIP_MAGIC = [0x1f, 0x8b];

async function isGzip(path: string): Promise<boolean> {
  const handle = await fs.open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === GZIP_MAGIC[0] && buffer[1] === GZIP_MAGIC[1];
  } finally {
    await handle.close();
  }
}

/** Streams the records of an NDJSON, CSV or JSON-array file, gzip-compressed or not, with bounded memory. */
export async function openInput(path: string, format: InputFormat): Promise<InputFile> {
  let size: number;
  try {
    size = (await fs.stat(path)).size;
  } catch (error) {
    throw new CliError(`Cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const raw = createReadStream(path);
  const text: Readable = (await isGzip(path)) ? pipeline(raw, createGunzip(), ignore) : raw;
  const fail = (error: Error) => new CliError(`Cannot read ${path} as ${format}: ${error.message}`);
  const records = format === 'ndjson' ? ndjsonRecords(text) : format === 'csv' ? csvRecords(text) : jsonRecords(text);
  return { records: rethrowing(records, fail), bytesRead: () => raw.bytesRead, size };
}

async function* rethrowing(records: AsyncIterable<InputRecord>, wrap: (error: Error) => Error): AsyncIterable<InputRecord> {
  try {
    yield* records;
  } catch (error) {
    throw error instanceof CliError ? error : wrap(error as Error);
  }
}

function asEvent(index: number, line: number, value: unknown): InputRecord {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { index, line, item: null, error: 'The record is not a JSON object' };
  }
  return { index, line, item: value as Record<string, unknown>, error: null };
}

async function* ndjsonRecords(text: Readable): AsyncIterable<InputRecord> {
  let line = 0;
  let index = 0;
  for await (const content of createInterface({ input: text, crlfDelay: Infinity })) {
    line++;
    if (content.trim() === '') continue;
    index++;
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch (error) {
      yield { index, line, item: null, error: `Invalid JSON: ${(error as Error).message}` };
      continue;
    }
    yield asEvent(index, line, value);
  }
}

async function* csvRecords(text: Readable): AsyncIterable<InputRecord> {
  const rows = pipeline(text, parseCsv({ columns: true, bom: true, skip_empty_lines: true, relax_column_count: true, info: true, trim: true }), ignore);
  let index = 0;
  for await (const { record, info } of rows as AsyncIterable<{ record: Record<string, string>; info: { lines: number } }>) {
    index++;
    try {
      yield { index, line: info.lines, item: csvRecordToItem(record), error: null };
    } catch (error) {
      yield { index, line: info.lines, item: null, error: (error as Error).message };
    }
  }
}

async function* jsonRecords(text: Readable): AsyncIterable<InputRecord> {
  const items = pipeline(text, jsonParser(), streamArray(), ignore);
  for await (const { key, value } of items as AsyncIterable<{ key: number; value: unknown }>) {
    yield asEvent(key + 1, key + 1, value);
  }
}

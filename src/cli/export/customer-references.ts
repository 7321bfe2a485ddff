import { createReadStream } from 'fs';
import { createInterface } from 'readline';
import { CliError } from '../cli-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One line of the customers file as a Command API customer reference: a JSON object as is
 * (`{"phone":"+79990001122"}`), a GUID as `guid`, anything else as `uniqId`. Null for a blank line.
 */
export function customerReference(line: string): Record<string, unknown> | null {
  const text = line.trim();
  if (text === '') return null;
  if (text.startsWith('{')) {
    try {
      return JSON.parse(text);
    } catch {
      throw new Error(`Invalid JSON reference: ${text.slice(0, 80)}`);
    }
  }
  return UUID.test(text) ? { guid: text } : { uniqId: text };
}

/** The customers file in batches of `size` references, read as it goes. */
export async function* customerBatches(path: string, size: number): AsyncIterable<Array<Record<string, unknown>>> {
  let batch: Array<Record<string, unknown>> = [];
  let line = 0;
  const input = createReadStream(path);
  const opened = new Promise<void>((resolve, reject) => input.once('open', () => resolve()).once('error', reject));
  await opened.catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`Cannot read ${path} (${error.code ?? error.message})`);
  });
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line++;
    let reference: Record<string, unknown> | null;
    try {
      reference = customerReference(text);
    } catch (error) {
      throw new CliError(`${path} line ${line}: ${(error as Error).message}`);
    }
    if (!reference) continue;
    batch.push(reference);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

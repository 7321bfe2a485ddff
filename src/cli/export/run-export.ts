import { stringify } from 'csv-stringify/sync';
import { createWriteStream } from 'fs';
import { once } from 'events';
import { Writable } from 'stream';
import { CliError } from '../cli-error';
import { CommandApi } from '../engine/command-api';
import { EngineHttp, RetryPolicy } from '../engine/engine-http';
import { customerBatches } from './customer-references';
import { readBoundary, splitPeriod } from './periods';

export const EXPORT_FORMATS = ['csv', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** getBonusOperationExt's limits: customers per call, days per period, operations per page. */
const MAX_CUSTOMERS = 1000;
const MAX_DAYS = 31;
const PAGE_SIZE = 1000;
export const OPERATION_COLUMNS = ['operationId', 'login', 'guid', 'operationType', 'points', 'eventId', 'ruleId', 'createdAt', 'expiresAt'] as const;

export interface ExportOptions {
  url: string;
  apiKey: string;
  from: string;
  to: string;
  customers: string;
  format: ExportFormat;
  output?: string;
  retry: RetryPolicy;
}

/** `bonus-engine export`: every operation of the customers in the period once; returns the number written. */
export async function runExport(options: ExportOptions): Promise<number> {
  const from = readBoundary(options.from, false);
  const till = readBoundary(options.to, true);
  if (!from) throw new CliError(`--from ${options.from} is not a date (2025-03-01) or an ISO 8601 date-time`);
  if (!till) throw new CliError(`--to ${options.to} is not a date (2025-03-31) or an ISO 8601 date-time`);
  if (till < from) throw new CliError('--to must not be before --from');
  const api = new CommandApi(new EngineHttp(options.url, options.retry), options.apiKey);
  const out: Writable = options.output ? createWriteStream(options.output) : process.stdout;
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  let written = 0;
  if (options.format === 'csv') await write(stringify([[...OPERATION_COLUMNS]]));
  const periods = splitPeriod(from, till, MAX_DAYS);
  for await (const customers of customerBatches(options.customers, MAX_CUSTOMERS)) {
    for (const period of periods) {
      let cursor: string | null = null;
      do {
        const page = await api.bonusOperations({
          customers, dateFrom: period.from.toISOString(), dateTill: period.till.toISOString(), limit: PAGE_SIZE, ...(cursor ? { cursor } : {}),
        });
        if (page.operations.length > 0) {
          await write(options.format === 'csv'
            ? stringify(page.operations.map((o) => OPERATION_COLUMNS.map((c) => o[c] ?? '')))
            : page.operations.map((o) => `${JSON.stringify(o)}\n`).join(''));
        }
        written += page.operations.length;
        cursor = page.nextCursor;
      } while (cursor);
    }
  }
  if (options.output) {
    out.end();
    await once(out, 'finish');
  }
  return written;
}

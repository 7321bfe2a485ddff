#!/usr/bin/env node
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { BULK_EVENT_PATHS } from '../apis/crm-api/domain/bulk-event-types';
import { CliError, EXIT_USAGE_OR_CONNECTION } from './cli-error';
import { DEFAULT_RETRY } from './engine/engine-http';
import { EXPORT_FORMATS, runExport } from './export/run-export';
import { INPUT_FORMATS } from './load/read-records';
import { LoadVia, runLoad } from './load/run-load';

/** The engine's default MAX_ITEMS_PER_COMMAND and the CRM bulk limit. */
const MAX_CHUNK = 1000;
/** The protocol's pause after a finished command. */
const PROTOCOL_PAUSE_MS = 1000;
const BUSY_TIMEOUT_MS = 10 * 60 * 1000;
/** Exit code after Ctrl-C, as shells report a SIGINT. */
const EXIT_INTERRUPTED = 130;

function integer(min: number, max: number) {
  return (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`an integer from ${min} to ${max} is expected`);
    return n;
  };
}

const connectionOptions = (command: Command) =>
  command
    .requiredOption('--url <url>', 'base URL of the engine, e.g. https://bonus.example.com')
    .requiredOption('--api-key <key>', 'API key of an integrator client')
    .addOption(new Option('--retries <n>', 'retries of a call answered 429/502/503/504 or lost on the network, with growing pauses (0.5 s doubling up to 30 s)')
      .argParser(integer(0, 100)).default(DEFAULT_RETRY.retries));

export function buildProgram(): Command {
  const program = new Command('bonus-engine')
    .description('Batch jobs against a running bonus engine, over its HTTP APIs only.')
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) })
    .showHelpAfterError('(run with --help for the options)');

  const load = program.command('load')
    .description('Load events from files: NDJSON (one wire event a line), CSV (one event a row) or a JSON array; gzip is detected.')
    .argument('<files...>', 'input files, loaded one after another')
    .addOption(new Option('--format <format>', 'input format').choices(INPUT_FORMATS).makeOptionMandatory())
    .addOption(new Option('--via <api>', 'commands: loadCustomerEventsExt, paced by the protocol; crm: the CRM bulk endpoint of --type').choices(['commands', 'crm']).default('commands'))
    .addOption(new Option('--type <type>', 'CRM bulk event type (with --via crm)').choices(BULK_EVENT_PATHS))
    .addOption(new Option('--concurrency <n>', 'CRM bulk calls in flight at once (with --via crm)').argParser(integer(1, 16)).default(2))
    .addOption(new Option('--chunk-size <n>', "events per call; at most the engine's MAX_ITEMS_PER_COMMAND").argParser(integer(1, MAX_CHUNK)).default(MAX_CHUNK))
    .option('--checkpoint <file>', 'resume state of the load (default: FILE.checkpoint.json)')
    .option('--restart', 'ignore an existing checkpoint and load the file from its start')
    .option('--json', 'print the summary as a JSON object')
    .addOption(new Option('--progress-interval <seconds>', 'seconds between progress lines when not on a terminal').argParser(integer(1, 3600)).default(10));
  connectionOptions(load).addHelpText('after', `
Rejected and failed events go to FILE.errors.ndjson (line, eventId, stage, error, event).
Exit code: 0 all processed, 1 some rejected or failed, 2 usage, connection or refused call, ${EXIT_INTERRUPTED} interrupted.

Examples:
  $ bonus-engine load --url http://localhost:3000 --api-key $KEY --format ndjson events-2025-03-01.ndjson.gz
  $ bonus-engine load --url http://localhost:3000 --api-key $KEY --format csv --via crm --type purchases --concurrency 3 purchases.csv`)
    .action(async (files: string[], o) => {
      process.exitCode = await runLoad(files, {
        url: o.url, apiKey: o.apiKey, format: o.format, via: o.via as LoadVia, type: o.type, checkpoint: o.checkpoint, restart: !!o.restart,
        chunkSize: o.chunkSize, concurrency: o.concurrency, retry: { ...DEFAULT_RETRY, retries: o.retries }, pauseMs: PROTOCOL_PAUSE_MS,
        busyTimeoutMs: BUSY_TIMEOUT_MS, json: !!o.json, progressInterval: o.progressInterval, terminal: !!process.stderr.isTTY,
      }, (line) => process.stdout.write(`${line}\n`));
    });

  const exportCommand = program.command('export')
    .description('Export the ledger operations of customers over a period (getBonusOperationExt, every page, periods over 31 days split).')
    .requiredOption('--from <date>', 'first day (2025-03-01) or date-time, included')
    .requiredOption('--to <date>', 'last day (2025-04-09) or date-time, included')
    .requiredOption('--customers <file>', 'customers, one a line: a GUID, a uniqId or a JSON reference such as {"phone":"+79990001122"}')
    .addOption(new Option('--format <format>', 'output format').choices(EXPORT_FORMATS).default('csv'))
    .option('--output <file>', 'write to this file instead of standard output');
  connectionOptions(exportCommand).addHelpText('after', `
Exit code: 0 done, 2 usage, connection or refused call.

Example:
  $ bonus-engine export --url http://localhost:3000 --api-key $KEY --from 2025-03-01 --to 2025-04-09 --customers customers.txt --output operations.csv`)
    .action(async (o) => {
      const written = await runExport({
        url: o.url, apiKey: o.apiKey, from: o.from, to: o.to, customers: o.customers, format: o.format, output: o.output,
        retry: { ...DEFAULT_RETRY, retries: o.retries },
      });
      process.stderr.write(`${written} operations exported\n`);
    });
  return program;
}

export async function main(argv: string[]): Promise<void> {
  process.once('SIGINT', () => {
    process.stderr.write('\nInterrupted; run the same command again to resume.\n');
    process.exit(EXIT_INTERRUPTED);
  });
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE_OR_CONNECTION;
    } else if (error instanceof CliError) {
      process.stderr.write(`bonus-engine: ${error.message}\n`);
      process.exitCode = EXIT_USAGE_OR_CONNECTION;
    } else {
      process.stderr.write(`bonus-engine: unexpected failure: ${(error as Error)?.stack ?? String(error)}\n`);
      process.exitCode = EXIT_USAGE_OR_CONNECTION;
    }
  }
}

if (require.main === module) void main(process.argv);

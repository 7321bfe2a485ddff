import { BULK_EVENT_TYPES, BulkEventPath } from '../../apis/crm-api/domain/bulk-event-types';
import { CliError } from '../cli-error';
import { CommandApi } from '../engine/command-api';
import { CrmApi } from '../engine/crm-api';
import { EngineHttp, RetryPolicy } from '../engine/engine-http';
import { CheckpointFile, fingerprintFile, newCheckpoint, resumeConflict } from './checkpoint';
import { CommandLoader } from './command-loader';
import { addCounts, LoadCounts, loadExitCode, noCounts, summaryLine } from './counts';
import { CrmLoader } from './crm-loader';
import { ErrorReport } from './error-report';
import { LoadProgress } from './progress';
import { InputFormat, openInput } from './read-records';
import { LoadState } from './load-state';

export type LoadVia = 'commands' | 'crm';

export interface LoadOptions {
  url: string;
  apiKey: string;
  format: InputFormat;
  via: LoadVia;
  type?: BulkEventPath;
  checkpoint?: string;
  restart: boolean;
  chunkSize: number;
  concurrency: number;
  retry: RetryPolicy;
  pauseMs: number;
  busyTimeoutMs: number;
  json: boolean;
  progressInterval: number;
  terminal: boolean;
}

export const errorReportPath = (file: string) => `${file}.errors.ndjson`;
export const checkpointPath = (file: string) => `${file}.checkpoint.json`;

/** `bonus-engine load`: every file in turn, resumable; prints the summary and returns the exit code. */
export async function runLoad(files: string[], options: LoadOptions, log: (line: string) => void): Promise<number> {
  if (options.via === 'crm' && !options.type) throw new CliError('--via crm needs --type (one of the CRM bulk event types)');
  if (options.via === 'commands' && options.type) throw new CliError('--type applies to --via crm only');
  if (options.checkpoint && files.length > 1) throw new CliError('--checkpoint names the checkpoint of one file; give one FILE with it');
  const http = new EngineHttp(options.url, options.retry);
  let total = noCounts(options.via === 'commands');
  const reports: string[] = [];
  for (const file of files) {
    const counts = await loadFile(file, options, http);
    total = addCounts(total, counts);
    if (counts.rejected + counts.failed > 0) reports.push(errorReportPath(file));
  }
  log(options.json ? JSON.stringify({ ...total, errorReports: reports }) : summaryLine(total));
  if (!options.json && reports.length > 0) process.stderr.write(`Rejected and failed events: ${reports.join(', ')}\n`);
  return loadExitCode(total);
}

async function loadFile(file: string, options: LoadOptions, http: EngineHttp): Promise<LoadCounts> {
  const input = await fingerprintFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`Cannot read ${file} (${error.code ?? error.message})`);
  });
  const via = options.via === 'crm' ? `crm ${options.type}` : 'commands';
  const checkpointFile = new CheckpointFile(options.checkpoint ?? checkpointPath(file));
  if (options.restart) checkpointFile.remove();
  const previous = checkpointFile.read();
  const conflict = previous && resumeConflict(previous, input, via);
  if (conflict) throw new CliError(`The checkpoint ${checkpointFile.path} does not fit ${file}: ${conflict}; delete it or run with --restart`);
  if (previous?.finished) {
    process.stderr.write(`${file} was loaded before (${checkpointFile.path}); run with --restart to load it again\n`);
    return previous.counts;
  }
  if (previous) process.stderr.write(`Resuming ${file} after record ${previous.done}\n`);
  const checkpoint = previous ?? newCheckpoint(input, via, noCounts(options.via === 'commands'));
  const report = new ErrorReport(errorReportPath(file), checkpoint.errorsBytes);
  const state = new LoadState(checkpoint, checkpointFile, report);
  try {
    state.save();
    const source = await openInput(file, options.format);
    const progress = new LoadProgress({ file, size: source.size, bytesRead: source.bytesRead, counts: () => state.counts() }, options.terminal, options.progressInterval);
    progress.start();
    try {
      if (options.via === 'commands') {
        await new CommandLoader(state, new CommandApi(http, options.apiKey), options).run(source.records);
      } else {
        const type = BULK_EVENT_TYPES[options.type!];
        await new CrmLoader(state, new CrmApi(http, options.apiKey), type, { ...options, fingerprint: input.fingerprint }).run(source.records);
      }
    } finally {
      progress.stop();
    }
    checkpoint.finished = true;
    state.save();
  } finally {
    report.close();
  }
  return checkpoint.counts;
}

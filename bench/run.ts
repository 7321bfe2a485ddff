import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadConfig } from '../src/config';
import { BenchApi } from './lib/api';
import { AppDeployment } from './lib/app-deployment';
import { ServerSize, ServerSizeChange, setServerSize } from './lib/server-settings';
import { ensureBuilt } from './lib/build';
import { BENCH_DB, BenchContext, QUEUE_PREFIX } from './lib/context';
import { ProfileSummary, renderProfile, summariseProfile } from './lib/cpu-profile';
import { dropDatabase, openPool, scalar, serverFacts } from './lib/database';
import { EventGenerator } from './lib/event-generator';
import { HttpClient } from './lib/http-client';
import { machineFacts, sourceState } from './lib/machine';
import { CpuMonitor } from './lib/monitors';
import { parseOptions, USAGE } from './lib/options';
import { Population } from './lib/population';
import { Progress } from './lib/progress';
import { BenchQueues, clearQueuePrefix } from './lib/queues';
import { randomHex, seededRandom, ZipfSampler } from './lib/random';
import { StepLoad } from './lib/step-load';
import { Figure, renderMarkdown, renderTable, writeResults } from './lib/report';
import { runBaseline } from './phases/baseline';
import { runProcessing } from './phases/processing';
import { runCallLatency, runCommandIngest, runCrmIngest } from './phases/ingest';
import { runLag } from './phases/lag';
import { runLoader } from './phases/loader';
import { checkRowFidelity, createClients, loadFixtures } from './phases/prepare';
import { runReads } from './phases/reads';
import { runCommandStepTwo } from './phases/step-two';
import { runWebhooks } from './phases/webhooks';

const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(ROOT, 'bench', 'results');
const SEED = 20261122;
/** Used when the latency step runs without the ingest step before it. */
const DEFAULT_SATURATING_RATE = 5000;

/** ` (12 on reward_rules, 3 on bonus_accounts)` — which tables the bench database's lock waits were on. */
function waitsByTable(lockWaits: StepLoad['lockWaits'] | undefined): string {
  const tables = Object.entries(lockWaits?.byTable ?? {}).map(([table, n]) => `${n} on ${table.split('.').pop()?.replace(/`/g, '')}`);
  return tables.length ? ` (${tables.join(', ')})` : '';
}

async function main(): Promise<number> {
  const parsed = parseOptions(process.argv.slice(2));
  if (parsed === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const options = parsed;
  const { sizes } = options;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-').replace('Z', '');
  const progress = new Progress();
  const config = loadConfig();
  fs.mkdirSync(RESULTS, { recursive: true });
  progress.log(`bonus-engine benchmark (${options.quick ? 'quick' : 'full'}): ${[...options.phases].join(', ')}`);

  let app: AppDeployment | null = null;
  let http: HttpClient | null = null;
  let queues: BenchQueues | null = null;
  let pool: ReturnType<typeof openPool> | null = null;
  const serverSizes: ServerSizeChange[] = [];
  // One cleanup, however many callers: Ctrl-C and the failing step it causes both ask for it, and
  // the second must wait for the first's restore of the server's sizes instead of exiting under it.
  let cleaning: Promise<void> | null = null;
  const cleanup = () => (cleaning ??= stopAll());
  const stopAll = async () => {
    http?.close();
    await queues?.close().catch(() => undefined);
    await pool?.end().catch(() => undefined);
    if (app?.running) await app.stop();
    app = null;
    for (const change of serverSizes.splice(0).reverse()) {
      await change.restore();
      progress.log(`MariaDB ${change.setting} restored to ${change.previousMb} MiB`);
    }
  };
  const interrupted = (signal: string) => {
    progress.log(`\n${signal}: stopping the app…`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', () => interrupted('SIGINT'));
  process.once('SIGTERM', () => interrupted('SIGTERM'));

  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  const startedAt = new Date();
  let machine: Awaited<ReturnType<typeof machineFacts>> | null = null;
  let error: Error | null = null;
  const profileDir = options.profile ? path.join(RESULTS, `${stamp}-profile`) : undefined;
  const source = sourceState(ROOT);
  try {
    ensureBuilt(ROOT, (line) => progress.log(`  ${line}`));
    const wanted: Array<[ServerSize, number | null]> = [['innodb_buffer_pool_size', options.bufferPoolMb], ['innodb_log_file_size', options.redoLogMb]];
    for (const [setting, mib] of wanted) {
      if (mib === null) continue;
      const change = await setServerSize(config, setting, mib);
      serverSizes.push(change);
      progress.log(`MariaDB ${setting} set to ${change.setMb} MiB for this run (was ${change.previousMb} MiB; restored at the end)`);
    }
    details.serverSizes = Object.fromEntries(serverSizes.map((c) => [c.setting, { previousMb: c.previousMb, setMb: c.setMb }]));
    await dropDatabase(config, BENCH_DB);
    await clearQueuePrefix(config.redis, QUEUE_PREFIX);
    const adminApiKey = `bench-admin-${randomHex(12)}`;
    const roles = options.deployment === 'single' ? 'ROLE=all' : 'ROLE=api + ROLE=worker';
    const starting = progress.step(`starting the app (${roles})`, 1, '');
    app = await AppDeployment.start(options.deployment, {
      root: ROOT, dbName: BENCH_DB, queuePrefix: QUEUE_PREFIX, adminApiKey, cpuProfileDir: profileDir,
    }, options.port, path.join(RESULTS, stamp));
    starting.done(app.describe());
    const running = app;
    http = new HttpClient(`http://127.0.0.1:${options.port}`);
    pool = openPool(config, BENCH_DB, 6);
    queues = new BenchQueues(config.redis, QUEUE_PREFIX);
    machine = await machineFacts(await serverFacts(pool), config.redis);
    const api = new BenchApi(http, adminApiKey);
    const clients = await createClients(api, sizes.commandClients);
    const random = seededRandom(SEED);
    const firstAccountId = Number(await scalar(pool, 'SELECT COALESCE(MAX(id), 0) + 1 FROM bonus_accounts'));
    const population = new Population(sizes.customers, firstAccountId, new ZipfSampler(sizes.customers, sizes.zipfExponent, random));
    const generator = new EventGenerator(population, random);
    const ctx: BenchContext = {
      options, sizes, config, progress, app: running, api, pool, queues, cpu: new CpuMonitor(() => running.pids),
      clients, population, generator, random, figures, details,
    };
    details.rules = await loadFixtures(ctx, population);
    const fidelity = await checkRowFidelity(ctx, generator);
    details.rowFidelity = fidelity;
    for (const [kind, diffs] of Object.entries(fidelity)) {
      if (diffs.length) progress.log(`  ! generated ${kind} rows differ from what the app stores:\n    ${diffs.join('\n    ')}`);
    }

    const baseline = options.phases.has('baseline') ? await runBaseline(ctx) : null;
    const saturating = options.phases.has('ingest') ? await runCrmIngest(ctx, baseline) : DEFAULT_SATURATING_RATE;
    if (options.phases.has('commands')) {
      await runCommandStepTwo(ctx);
      await runCommandIngest(ctx, baseline);
    }
    if (options.phases.has('latency')) await runCallLatency(ctx, saturating);
    if (options.phases.has('processing')) await runProcessing(ctx);
    if (options.phases.has('webhooks')) await runWebhooks(ctx);
    if (options.phases.has('lag')) await runLag(ctx);
    if (options.phases.has('reads')) await runReads(ctx);
    if (options.phases.has('loader')) await runLoader(ctx);
    details.finalCounts = {
      events: Number(await scalar(pool, 'SELECT COUNT(*) FROM customer_events')),
      ledgerRows: Number(await scalar(pool, 'SELECT COUNT(*) FROM bonus_operations')),
      failedEvents: Number(await scalar(pool, "SELECT COUNT(*) FROM customer_events WHERE state = 'failed'")),
    };
  } catch (caught) {
    error = caught as Error;
  } finally {
    await cleanup();
  }

  // One profile per app process (two when split).
  const profiles: Array<ProfileSummary & { file: string }> = [];
  if (profileDir && fs.existsSync(profileDir)) {
    for (const file of fs.readdirSync(profileDir).filter((f) => f.endsWith('.cpuprofile')).map((f) => path.join(profileDir, f))) {
      const profile = { file: path.relative(ROOT, file), ...summariseProfile(file) };
      profiles.push(profile);
      process.stdout.write(`\nCPU profile of an app process (${profile.file}):\n${renderProfile(profile)}\n`);
    }
  }

  process.stdout.write(`\n${renderTable(figures)}\n`);
  const serverSizesSet = Object.entries((details.serverSizes ?? {}) as Record<string, { previousMb: number; setMb: number }>);
  for (const [setting, { previousMb, setMb }] of serverSizesSet) {
    process.stdout.write(`\nMariaDB ran with ${setting} ${setMb} MiB (set by the bench; the server's own ${previousMb} MiB restored)\n`);
  }
  const cpuNotes = Object.entries(details)
    .filter(([, d]) => d && typeof d === 'object' && 'cpu' in (d as object))
    .map(([step, d]) => {
      const { cpu, db, lockWaits } = d as StepLoad;
      return `${step}: app ${cpu.app} %, MariaDB ${cpu.mariadb} %, harness ${cpu.harness} %, others ${cpu.other} %, idle ${cpu.idle} %; ` +
        `row lock waits ${db.rowLockWaits} (${db.rowLockTimeMs} ms) server-wide, ${lockWaits?.waits ?? '?'} seen in the bench database${waitsByTable(lockWaits)}, ` +
        `deadlocks ${db.deadlocks}, fsyncs ${db.fsyncs}`;
    });
  if (cpuNotes.length) process.stdout.write(`\nCPU per step (% of one core; ${os.cpus().length} cores = ${os.cpus().length * 100} %):\n  ${cpuNotes.join('\n  ')}\n`);
  for (const [step, d] of Object.entries(details)) {
    const sampled = (d as Partial<StepLoad> | null)?.dbStatements;
    if (!sampled) continue;
    process.stdout.write(`\nDatabase statements running during ${step} (${sampled.samples} samples; % of samples):\n`);
    for (const s of sampled.statements.slice(0, 8)) process.stdout.write(`  ${s.percentOfSamples.toFixed(1).padStart(6)} %  ${s.state.padEnd(20)} ${s.statement}\n`);
  }
  const file = writeResults(RESULTS, stamp, {
    startedAt: startedAt.toISOString(), finishedAt: new Date().toISOString(), mode: options.quick ? 'quick' : 'full', deployment: options.deployment,
    phases: [...options.phases], sizes, source, machine: machine && { ...machine, loadAverageAtEnd: os.loadavg().map((v) => Math.round(v * 100) / 100) },
    figures, markdown: renderMarkdown(figures), details, profiles, error: error ? error.message : null,
  });
  process.stdout.write(`\nresults: ${path.relative(ROOT, file)}\n`);
  if (error) {
    process.stderr.write(`\nbenchmark failed: ${error.message}\n`);
    return 1;
  }
  return 0;
}

main().then((code) => process.exit(code), (error) => {
  process.stderr.write(`benchmark failed: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});

import { Deployment, DEPLOYMENTS } from './app-deployment';

export const PHASES = ['baseline', 'ingest', 'commands', 'latency', 'processing', 'webhooks', 'lag', 'reads', 'loader'] as const;
export type Phase = (typeof PHASES)[number];

/** How much work each step does; `--quick` is a smoke run of about a minute; the full run takes about 25 minutes on 2 cores without the loader step, over an hour with it. */
export interface Sizes {
  customers: number;
  /** Popularity skew of customers (Zipf exponent): 0.8 gives the hottest 1 % of customers about a third of the events. */
  zipfExponent: number;
  baselineRows: number;
  /** Concurrent writers of the baseline and concurrent callers of the CRM bulk ingest. */
  writers: number;
  ingestSeconds: number;
  commandClients: number;
  commandSeconds: number;
  /** loadCustomerEventsExt commands sent one at a time for the accept → step 2 done figure. */
  stepTwoCommands: number;
  latencySeconds: number;
  backlogEvents: number;
  /** Share of the backlog that are loadCustomerEventsExt operations (the rest are CRM purchases). */
  backlogCommandShare: number;
  /**
   * Longest the backlog may drain. Past it, the rate so far is the figure and the rest is cancelled,
   * so the run stays bounded: a backlog that needs longer than backlogEvents / 2000 s misses the
   * target anyway.
   */
  processingBudgetSeconds: number;
  /**
   * Processed backlog events whose ledger lines are checked against the rules evaluated one event
   * at a time after the drain (bench/lib/award-sample.ts); the full run's claim needs ≥ 1,000.
   */
  awardSample: number;
  lagSeconds: number;
  lagEventsPerSecond: number;
  lagEventsPerCall: number;
  reads: number;
  drainTimeoutSeconds: number;
  /** Lines of the file the loader step sends with `bonus-engine load`. */
  loaderEvents: number;
  /** Backlog of each of the webhooks step's two drains (no subscription, then one subscription to every type). */
  webhookEvents: number;
}

export const QUICK: Sizes = {
  customers: 10_000, zipfExponent: 0.8, baselineRows: 40_000, writers: 4, ingestSeconds: 6, commandClients: 6, commandSeconds: 6, stepTwoCommands: 5,
  latencySeconds: 6, backlogEvents: 40_000, backlogCommandShare: 0.2, processingBudgetSeconds: 120, awardSample: 400, lagSeconds: 6, lagEventsPerSecond: 1000, lagEventsPerCall: 200,
  reads: 200, drainTimeoutSeconds: 300, loaderEvents: 20_000, webhookEvents: 20_000,
};

export const FULL: Sizes = {
  customers: 100_000, zipfExponent: 0.8, baselineRows: 200_000, writers: 4, ingestSeconds: 20, commandClients: 6, commandSeconds: 20, stepTwoCommands: 20,
  latencySeconds: 45, backlogEvents: 1_000_000, backlogCommandShare: 0.2, processingBudgetSeconds: 600, awardSample: 1000, lagSeconds: 30, lagEventsPerSecond: 1000, lagEventsPerCall: 200,
  reads: 1000, drainTimeoutSeconds: 900, loaderEvents: 1_000_000, webhookEvents: 100_000,
};

export interface BenchOptions {
  quick: boolean;
  phases: Set<Phase>;
  profile: boolean;
  port: number;
  /** Offered load of the latency step in events/s; by default half the rate the ingest step saturated at. */
  latencyRate: number | null;
  /** innodb_buffer_pool_size (MiB) the server runs with during the benchmark; null leaves the server as it is. */
  bufferPoolMb: number | null;
  /** innodb_log_file_size (MiB), the redo log, likewise. */
  redoLogMb: number | null;
  /** One `ROLE=all` process (as `npm start`), or a `ROLE=api` and a `ROLE=worker` process. */
  deployment: Deployment;
  sizes: Sizes;
}

export const USAGE = `npm run bench [-- --quick] [-- --phases=${PHASES.join(',')}] [-- --profile] [-- --port=3917] [-- --latency-rate=2500] [-- --buffer-pool=6144] [-- --redo-log=2048] [-- --deployment=split]

  --quick     a smoke run of about a minute (smaller data set, shorter phases)
  --phases    run only these steps (the app, fixtures and customers are always prepared)
  --profile   run the app under node --cpu-prof and print its top self-time functions at the end
  --port      the port the benchmark's own app listens on (default 3917)
  --latency-rate=N  offer N events/s in the latency step instead of half the measured saturating rate
                    (to compare two builds at the same load)
  --buffer-pool=MIB  run with MariaDB's innodb_buffer_pool_size set to MIB (SET GLOBAL, for the whole
                     server); the previous size is restored at the end, also on failure and Ctrl-C
  --redo-log=MIB     likewise for innodb_log_file_size, the redo log (MariaDB 10.9 and later resize it online)
  --deployment=split run the app as the README's Deployment section recommends at scale: one ROLE=api
                     process (on --port) and one ROLE=worker process (health on --port + 1), measured
                     together; the default, single, is one ROLE=all process as npm start runs it

  BENCH_NAME=x (environment) runs on databases and queues of their own (bonus_engine_bench_x, …)`;

export function parseOptions(argv: string[]): BenchOptions | 'help' {
  const options: BenchOptions = { quick: false, phases: new Set(PHASES), profile: false, port: 3917, latencyRate: null, bufferPoolMb: null, redoLogMb: null, deployment: 'single', sizes: FULL };
  for (const arg of argv) {
    const [name, value] = arg.split('=', 2);
    if (name === '--help' || name === '-h') return 'help';
    else if (name === '--quick') options.quick = true;
    else if (name === '--profile') options.profile = true;
    else if (name === '--port' && value && /^\d+$/.test(value)) options.port = Number(value);
    else if (name === '--latency-rate' && value && /^\d+$/.test(value) && Number(value) > 0) options.latencyRate = Number(value);
    else if (name === '--buffer-pool' && value && /^\d+$/.test(value) && Number(value) >= 8) options.bufferPoolMb = Number(value);
    else if (name === '--redo-log' && value && /^\d+$/.test(value) && Number(value) >= 8) options.redoLogMb = Number(value);
    else if (name === '--deployment' && (DEPLOYMENTS as readonly string[]).includes(value)) options.deployment = value as Deployment;
    else if (name === '--phases' && value) {
      const chosen = value.split(',').map((p) => p.trim());
      const unknown = chosen.filter((p) => !(PHASES as readonly string[]).includes(p));
      if (unknown.length) throw new Error(`unknown phase(s): ${unknown.join(', ')}; known: ${PHASES.join(', ')}`);
      options.phases = new Set(chosen as Phase[]);
    } else throw new Error(`unknown argument ${arg}\n\n${USAGE}`);
  }
  options.sizes = options.quick ? QUICK : FULL;
  return options;
}

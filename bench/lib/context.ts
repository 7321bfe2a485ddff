import { Pool } from 'mysql2/promise';
import { AppConfig } from '../../src/config';
import { BenchApi, IntegratorClient } from './api';
import { AppDeployment } from './app-deployment';
import { EventGenerator } from './event-generator';
import { CpuMonitor } from './monitors';
import { BenchOptions, Sizes } from './options';
import { Population } from './population';
import { Progress } from './progress';
import { BenchQueues } from './queues';
import { Figure } from './report';

/** BENCH_NAME (letters, digits, _) gives a run its own databases and queues, so two checkouts can measure side by side. */
const SUFFIX = /^\w{1,20}$/.test(process.env.BENCH_NAME ?? '') ? `_${process.env.BENCH_NAME}` : '';
export const BENCH_DB = `bonus_engine_bench${SUFFIX}`;
export const RAW_DB = `bonus_engine_bench_raw${SUFFIX}`;
export const QUEUE_PREFIX = `bonus-bench${SUFFIX}`;

export interface CrmClient extends IntegratorClient {
  token: string;
}

export interface BenchClients {
  crm: CrmClient;
  lag: CrmClient;
  commands: IntegratorClient[];
  /** Owner of the SQL-loaded backlog's command events. */
  backlog: IntegratorClient;
}

/** What every step shares: the running app, its database and queues, the data set, and where results go. */
export interface BenchContext {
  options: BenchOptions;
  sizes: Sizes;
  config: AppConfig;
  progress: Progress;
  app: AppDeployment;
  api: BenchApi;
  pool: Pool;
  queues: BenchQueues;
  cpu: CpuMonitor;
  clients: BenchClients;
  population: Population;
  generator: EventGenerator;
  random: () => number;
  figures: Figure[];
  /** Per-step measurements beyond the figures, written to the JSON. */
  details: Record<string, unknown>;
}

import { Pool } from 'mysql2/promise';
import { AppConfig } from '../../src/config';
import { BenchApi, IntegratorClient } from './api';
import { AppProcess } from './app-process';
import { EventGenerator } from './event-generator';
import { CpuMonitor } from './monitors';
import { BenchOptions, Sizes } from './options';
import { Population } from './population';
import { Progress } from './progress';
import { BenchQueues } from './queues';
import { Figure } from './report';

export const BENCH_DB = 'bonus_engine_bench';
export const RAW_DB = 'bonus_engine_bench_raw';
export const QUEUE_PREFIX = 'bonus-bench';

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
  app: AppProcess;
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

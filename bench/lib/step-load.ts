import { Pool } from 'mysql2/promise';
import { DbSampler, StatementShare } from './db-sampler';
import { LockWaitSampler, LockWaitsSeen } from './lock-wait-sampler';
import { BENCH_DB } from './context';
import { CpuMonitor, CpuShare } from './monitors';

const COUNTERS = {
  Innodb_row_lock_waits: 'rowLockWaits',
  Innodb_row_lock_time: 'rowLockTimeMs',
  Innodb_deadlocks: 'deadlocks',
  Innodb_data_fsyncs: 'fsyncs',
  Com_commit: 'commits',
} as const;

type DbCounters = Record<(typeof COUNTERS)[keyof typeof COUNTERS], number>;

export interface StepLoad {
  cpu: CpuShare;
  /** Server-wide InnoDB counters over the step (other databases' work included): lock waits show contention. */
  db: DbCounters;
  /** Row-lock waits of the bench database's own transactions, sampled. */
  lockWaits: LockWaitsSeen;
  /** With --profile: what the bench database's connections were running, sampled. */
  dbStatements?: { samples: number; statements: StatementShare[] };
}

async function readCounters(pool: Pool): Promise<DbCounters> {
  const [rows] = await pool.query('SHOW GLOBAL STATUS WHERE Variable_name IN (?)', [Object.keys(COUNTERS)]);
  const values = Object.fromEntries(Object.values(COUNTERS).map((k) => [k, 0])) as DbCounters;
  for (const row of rows as Array<{ Variable_name: keyof typeof COUNTERS; Value: string }>) values[COUNTERS[row.Variable_name]] = Number(row.Value);
  return values;
}

/** Starts watching a step: CPU per process and InnoDB lock/fsync counters; call the result when the step ends. */
export async function watchStep(cpu: CpuMonitor, pool: Pool, sampleDatabase?: string): Promise<() => Promise<StepLoad>> {
  const endCpu = cpu.begin();
  const before = await readCounters(pool);
  const sampler = sampleDatabase ? new DbSampler(pool, sampleDatabase).start() : null;
  const lockWaitSampler = new LockWaitSampler(pool, BENCH_DB).start();
  return async () => {
    const share = endCpu();
    const dbStatements = sampler ? await sampler.stop() : undefined;
    const lockWaits = await lockWaitSampler.stop();
    const after = await readCounters(pool);
    const db = Object.fromEntries(Object.keys(after).map((k) => [k, after[k as keyof DbCounters] - before[k as keyof DbCounters]])) as DbCounters;
    return { cpu: share, db, lockWaits, ...(dbStatements ? { dbStatements } : {}) };
  };
}

import { createConnection, createPool, Pool } from 'mysql2/promise';
import { AppConfig } from '../../src/config';
import { runMigrations } from '../../src/database/run-migrations';

/** The benchmark writes only to databases of its own; it never touches bonus_engine or the test databases. */
export function assertBenchDatabase(name: string): void {
  if (!/^bonus_engine_bench(_[a-z0-9_]+)?$/.test(name)) throw new Error(`refusing to use database ${name}: benchmark databases are bonus_engine_bench*`);
}

async function serverQuery(config: AppConfig, sql: string): Promise<void> {
  const { host, port, user, password } = config.db;
  const connection = await createConnection({ host, port, user, password });
  try {
    await connection.query(sql);
  } finally {
    await connection.end();
  }
}

export async function dropDatabase(config: AppConfig, name: string): Promise<void> {
  assertBenchDatabase(name);
  await serverQuery(config, `DROP DATABASE IF EXISTS \`${name}\``);
}

/** A fresh database with the app's own migrations, so its tables are exactly the app's. */
export async function freshMigratedDatabase(config: AppConfig, name: string): Promise<void> {
  await dropDatabase(config, name);
  await serverQuery(config, `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await runMigrations(config.with({ DB_NAME: name }));
}

export function openPool(config: AppConfig, name: string, connections: number): Pool {
  assertBenchDatabase(name);
  const { host, port, user, password } = config.db;
  return createPool({
    host, port, user, password, database: name, connectionLimit: connections, timezone: 'Z',
    supportBigNumbers: true, bigNumberStrings: true, charset: 'utf8mb4_unicode_ci',
  });
}

export async function scalar<T = number>(pool: Pool, sql: string, params: unknown[] = []): Promise<T> {
  const [rows] = await pool.query(sql, params);
  const row = (rows as Array<Record<string, unknown>>)[0];
  return Object.values(row)[0] as T;
}

/** Server facts for the report. */
export async function serverFacts(pool: Pool): Promise<Record<string, string>> {
  const [rows] = await pool.query(
    `SHOW VARIABLES WHERE Variable_name IN ('version', 'innodb_buffer_pool_size', 'innodb_flush_log_at_trx_commit', 'innodb_log_file_size', 'sync_binlog', 'log_bin')`,
  );
  return Object.fromEntries((rows as Array<{ Variable_name: string; Value: string }>).map((r) => [r.Variable_name, r.Value]));
}

import { DataSource } from 'typeorm';
import { AppConfig } from '../config';
import { describeConnectionError } from '../common/startup-error';
import { dataSourceOptions } from './data-source-options';

const MIGRATION_LOCK = 'bonus_engine_migrations';

/** Applies pending migrations; a named lock keeps two starting processes from racing. */
export async function runMigrations(config: AppConfig): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions(config), poolSize: 2 });
  try {
    await dataSource.initialize();
  } catch (error) {
    throw describeConnectionError('MariaDB/MySQL', config.db.host, config.db.port, error);
  }
  try {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('SELECT GET_LOCK(?, 60)', [MIGRATION_LOCK]);
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [MIGRATION_LOCK]);
      await runner.release();
    }
  } finally {
    await dataSource.destroy();
  }
}

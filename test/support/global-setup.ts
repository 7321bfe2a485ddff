import { createConnection } from 'mysql2/promise';
import { runMigrations } from '../../src/database/run-migrations';
import { testConfig } from './test-config';

/** A fresh test database with the real migrations, once per `npm test`. */
export default async function globalSetup(): Promise<void> {
  const config = testConfig();
  const { host, port, user, password, name } = config.db;
  const connection = await createConnection({ host, port, user, password });
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await connection.end();
  await runMigrations(config);
}

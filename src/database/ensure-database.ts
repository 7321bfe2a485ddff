import { createConnection } from 'mysql2/promise';
import { AppConfig } from '../config';
import { describeConnectionError } from '../common/startup-error';

/** Creates the configured database if it is missing (utf8mb4). */
export async function ensureDatabase(config: AppConfig): Promise<void> {
  const { host, port, user, password, name } = config.db;
  let connection;
  try {
    connection = await createConnection({ host, port, user, password, connectTimeout: 5000 });
  } catch (error) {
    throw describeConnectionError('MariaDB/MySQL', host, port, error);
  }
  try {
    await connection.query(`CREATE DATABASE IF NOT EXISTS \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await connection.end();
  }
}

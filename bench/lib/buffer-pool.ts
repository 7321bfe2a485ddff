import { Connection, createConnection } from 'mysql2/promise';
import { AppConfig } from '../../src/config';

const MIB = 1024 * 1024;

export interface BufferPoolChange {
  previousMb: number;
  /** The size the server runs with: it rounds the request to whole chunks. */
  setMb: number;
  /** Puts the previous size back. */
  restore: () => Promise<void>;
}

async function onServer<T>(config: AppConfig, work: (connection: Connection) => Promise<T>): Promise<T> {
  const { host, port, user, password } = config.db;
  const connection = await createConnection({ host, port, user, password, supportBigNumbers: true, bigNumberStrings: true });
  try {
    return await work(connection);
  } finally {
    await connection.end();
  }
}

async function poolBytes(connection: Connection): Promise<number> {
  const [rows] = await connection.query('SELECT @@innodb_buffer_pool_size AS size');
  return Number((rows as Array<{ size: string }>)[0].size);
}

/** Resizes the InnoDB buffer pool online (MariaDB has finished when SET GLOBAL returns). */
async function resize(connection: Connection, bytes: number): Promise<number> {
  await connection.query('SET GLOBAL innodb_buffer_pool_size = ?', [bytes]);
  return poolBytes(connection);
}

/** Sets the server's buffer pool to `mib` MiB for the run; `restore` sets it back to what it was. */
export async function setBufferPool(config: AppConfig, mib: number): Promise<BufferPoolChange> {
  const [previous, set] = await onServer(config, async (connection) => [await poolBytes(connection), await resize(connection, mib * MIB)]);
  return {
    previousMb: previous / MIB,
    setMb: set / MIB,
    restore: () => onServer(config, (connection) => resize(connection, previous)).then(() => undefined),
  };
}

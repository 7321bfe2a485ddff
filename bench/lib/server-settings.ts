import { Connection, createConnection } from 'mysql2/promise';
import { AppConfig } from '../../src/config';

const MIB = 1024 * 1024;

/** The InnoDB sizes the bench may set on its server for a run (both can be changed online). */
export type ServerSize = 'innodb_buffer_pool_size' | 'innodb_log_file_size';

export interface ServerSizeChange {
  setting: ServerSize;
  previousMb: number;
  /** The size the server runs with: it may round the request (the buffer pool to whole chunks). */
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

async function sizeBytes(connection: Connection, setting: ServerSize): Promise<number> {
  const [rows] = await connection.query(`SELECT @@${setting} AS size`);
  return Number((rows as Array<{ size: string }>)[0].size);
}

/** Resizes online; MariaDB has finished when SET GLOBAL returns. */
async function resize(connection: Connection, setting: ServerSize, bytes: number): Promise<number> {
  await connection.query(`SET GLOBAL ${setting} = ?`, [bytes]);
  return sizeBytes(connection, setting);
}

/** Sets `setting` to `mib` MiB on the server for the run; `restore` sets it back to what it was. */
export async function setServerSize(config: AppConfig, setting: ServerSize, mib: number): Promise<ServerSizeChange> {
  const [previous, set] = await onServer(config, async (connection) => [await sizeBytes(connection, setting), await resize(connection, setting, mib * MIB)]);
  return {
    setting,
    previousMb: previous / MIB,
    setMb: set / MIB,
    restore: () => onServer(config, (connection) => resize(connection, setting, previous)).then(() => undefined),
  };
}

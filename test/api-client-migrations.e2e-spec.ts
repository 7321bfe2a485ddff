import { createHash } from 'crypto';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { runMigrations } from '../src/database/run-migrations';
import { testConfig } from './support/test-config';

/** A database that existed before scopes and the environment's admin key were stored, migrated forward. */
describe('API client migrations of an existing database', () => {
  const config = testConfig({ DB_NAME: `${testConfig().db.name}_upgrade` });
  const LAST_BEFORE = 'CommandEventIds1732300009200';
  const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
  let dataSource: DataSource;

  const server = () => createConnection({ host: config.db.host, port: config.db.port, user: config.db.user, password: config.db.password });

  beforeAll(async () => {
    const connection = await server();
    await connection.query(`DROP DATABASE IF EXISTS \`${config.db.name}\``);
    await connection.query(`CREATE DATABASE \`${config.db.name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await connection.end();
    await runMigrations(config);
    dataSource = await new DataSource({ ...dataSourceOptions(config), poolSize: 2 }).initialize();
    const last = async () => (await dataSource.query('SELECT name FROM migrations ORDER BY id DESC LIMIT 1'))[0].name;
    while ((await last()) !== LAST_BEFORE) await dataSource.undoLastMigration({ transaction: 'each' });
  });
  afterAll(async () => {
    await dataSource?.destroy();
    const connection = await server();
    await connection.query(`DROP DATABASE IF EXISTS \`${config.db.name}\``);
    await connection.end();
  });

  it('gives existing clients every integrator operation and marks the admin clients the environment made', async () => {
    await dataSource.query(
      `INSERT INTO api_clients (name, role, key_hash, key_prefix, active) VALUES
       ('admin', 'admin', ?, 'old-en', 1), ('admin', 'admin', ?, 'older-', 1), ('POS', 'integrator', ?, 'be_abc', 1), ('Ops', 'admin', ?, 'be_ops', 1)`,
      [sha256('old-env-key'), sha256('older-env-key'), sha256('be_pos'), sha256('be_ops')],
    );
    await runMigrations(config);
    const rows: Array<{ name: string; scopes: string | string[]; from_environment: number }> =
      await dataSource.query('SELECT name, scopes, from_environment FROM api_clients ORDER BY id');
    expect(rows.map((r) => [r.name, typeof r.scopes === 'string' ? JSON.parse(r.scopes) : r.scopes, Number(r.from_environment)])).toEqual([
      ['admin', ['command:*', 'crm:*'], 1],
      ['admin', ['command:*', 'crm:*'], 1],
      ['POS', ['command:*', 'crm:*'], 0],
      ['Ops', ['command:*', 'crm:*'], 0],
    ]);
  });

  it('makes room for scrypt pass code hashes', async () => {
    const [column] = await dataSource.query(
      "SELECT data_type AS type, character_maximum_length AS length FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'access_tokens' AND column_name = 'pass_code_hash'",
    );
    expect(column).toEqual({ type: 'varchar', length: expect.anything() });
    expect(Number(column.length)).toBe(255);
  });
});

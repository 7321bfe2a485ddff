import { AppConfig, loadConfig } from '../../src/config';

/**
 * The configuration of the test suites: the local MariaDB and Redis, a database whose name must
 * contain `test` (override with TEST_DB_NAME), and its own queue prefix.
 */
export function testConfig(overrides: Record<string, string> = {}): AppConfig {
  const env = process.env;
  const config = loadConfig({
    ...env,
    DB_NAME: env.TEST_DB_NAME ?? 'bonus_engine_test',
    QUEUE_PREFIX: env.TEST_QUEUE_PREFIX ?? 'bonus_test',
    ADMIN_API_KEY: 'test-admin-key',
    LOG_LEVEL: env.TEST_LOG_LEVEL ?? 'silent',
    ROLE: 'all',
    MIN_BUFFER_POOL_MB: '0',
    MIN_REDO_LOG_MB: '0',
    ...overrides,
  });
  assertTestDatabase(config.db.name);
  return config;
}

/** Refuses to touch any database whose name does not say it is for tests. */
export function assertTestDatabase(name: string): void {
  if (!/test/i.test(name)) throw new Error(`Refusing to run tests against database "${name}": its name must contain "test"`);
}

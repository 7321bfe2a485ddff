import { loadConfig } from './app-config';
import { ConfigError, validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('gives every variable its default', () => {
    const env = validateEnvironment({});
    expect(env).toMatchObject({
      PORT: 3000, DB_HOST: '127.0.0.1', DB_PORT: 3306, DB_USER: 'root', DB_PASSWORD: '', DB_NAME: 'bonus_engine',
      REDIS_HOST: '127.0.0.1', REDIS_PORT: 6379, REDIS_DB: 0, QUEUE_PREFIX: 'bull', ROLE: 'all',
      MAX_ITEMS_PER_COMMAND: 1000, TOKEN_TTL_SECONDS: 3600, POINT_VALUE: '1.00', MIN_BUFFER_POOL_MB: 1024, MIN_REDO_LOG_MB: 1024,
      HTTP_REQUEST_TIMEOUT_MS: 30000, HTTP_HEADERS_TIMEOUT_MS: 10000, HTTP_KEEP_ALIVE_TIMEOUT_MS: 5000, HTTP_MAX_CONNECTIONS: 1000,
      WORKER_PORT: 3001, METRICS_TOKEN: '', RATE_LIMIT: 2000, RATE_LIMIT_WINDOW_MS: 1000,
    });
  });

  it('converts numbers and keeps POINT_VALUE as an exact decimal string', () => {
    const env = validateEnvironment({ PORT: '8080', POINT_VALUE: '0.0100', ROLE: 'worker' });
    expect(env.PORT).toBe(8080);
    expect(env.POINT_VALUE).toBe('0.0100');
    expect(env.ROLE).toBe('worker');
  });

  it('reads the webhook settings, the expiry notice days as a list largest first', () => {
    const config = loadConfig({ WEBHOOK_EXPIRY_NOTICE_DAYS: '7, 30,1', WEBHOOK_BATCH_SIZE: '20' });
    expect(config.webhooks).toEqual({
      timeoutMs: 5000, retryWindowMs: 86400000, backoffBaseMs: 5000, backoffMaxMs: 3600000, batchSize: 20, batchLingerMs: 1000, maxDeferMs: 60000, expiryNoticeDays: [30, 7, 1],
    });
    expect(loadConfig({}).webhooks.expiryNoticeDays).toEqual([30, 7]);
    expect(() => validateEnvironment({ WEBHOOK_EXPIRY_NOTICE_DAYS: 'soon' })).toThrow(
      'Invalid configuration: WEBHOOK_EXPIRY_NOTICE_DAYS="soon" must be a comma-separated list of whole days, e.g. 30,7',
    );
    expect(() => validateEnvironment({ WEBHOOK_EXPIRY_NOTICE_DAYS: '30,0' })).toThrow('WEBHOOK_EXPIRY_NOTICE_DAYS must list days of at least 1');
    expect(() => validateEnvironment({ WEBHOOK_BACKOFF_BASE_MS: '5000', WEBHOOK_BACKOFF_MAX_MS: '1000' })).toThrow(ConfigError);
    expect(() => validateEnvironment({ WEBHOOK_BATCH_LINGER_MS: '60000' })).toThrow(ConfigError); // must stay below a claim's hold
  });

  it('gives a worker its own HTTP port for /health and /metrics', () => {
    expect(loadConfig({ ROLE: 'worker', PORT: '8080', WORKER_PORT: '9100' }).httpPort).toBe(9100);
    expect(loadConfig({ ROLE: 'api', PORT: '8080', WORKER_PORT: '9100' }).httpPort).toBe(8080);
  });

  it.each([
    [{ PORT: 'eighty' }, /^Invalid configuration: PORT="eighty" /],
    [{ DB_PORT: '70000' }, /^Invalid configuration: DB_PORT="70000" must not be greater than 65535$/],
    [{ ROLE: 'boss' }, /^Invalid configuration: ROLE="boss" must be one of the following values: all, api, worker$/],
    [{ POINT_VALUE: '-1' }, /^Invalid configuration: POINT_VALUE="-1" must be a positive decimal/],
    [{ POINT_VALUE: '0' }, /^Invalid configuration: POINT_VALUE must be greater than zero$/],
    [{ MIN_BUFFER_POOL_MB: '-1' }, /^Invalid configuration: MIN_BUFFER_POOL_MB="-1" must not be less than 0$/],
    [{ MIN_REDO_LOG_MB: '-1' }, /^Invalid configuration: MIN_REDO_LOG_MB="-1" must not be less than 0$/],
    [{ DB_NAME: 'x; drop' }, /^Invalid configuration: DB_NAME="x; drop" must be letters/],
    [{ HTTP_REQUEST_TIMEOUT_MS: '0' }, /^Invalid configuration: HTTP_REQUEST_TIMEOUT_MS="0" must not be less than 1000$/],
    [{ HTTP_HEADERS_TIMEOUT_MS: '60000' }, /^Invalid configuration: HTTP_HEADERS_TIMEOUT_MS must not be greater than HTTP_REQUEST_TIMEOUT_MS$/],
  ])('rejects %j with one line naming the variable', (raw, message) => {
    expect(() => validateEnvironment(raw)).toThrow(ConfigError);
    expect(() => validateEnvironment(raw)).toThrow(message);
  });
});

import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

export const ROLES = ['all', 'api', 'worker'] as const;
export type Role = (typeof ROLES)[number];

/** Every variable of the configuration, with its default. Values arrive as strings and are converted. */
export class EnvironmentVariables {
  @IsInt() @Min(1) @Max(65535) PORT: number = 3000;
  @IsString() @IsNotEmpty() DB_HOST: string = '127.0.0.1';
  @IsInt() @Min(1) @Max(65535) DB_PORT: number = 3306;
  @IsString() @IsNotEmpty() DB_USER: string = 'root';
  @IsString() DB_PASSWORD: string = '';
  @Matches(/^[A-Za-z0-9_]{1,64}$/, { message: 'must be letters, digits or underscores' }) DB_NAME: string = 'bonus_engine';
  @IsString() @IsNotEmpty() REDIS_HOST: string = '127.0.0.1';
  @IsInt() @Min(1) @Max(65535) REDIS_PORT: number = 6379;
  @IsInt() @Min(0) @Max(15) REDIS_DB: number = 0;
  @Matches(/^[A-Za-z0-9_:-]{1,50}$/, { message: 'must be a short name of letters, digits, _ : -' }) QUEUE_PREFIX: string = 'bull';
  @IsIn(ROLES as unknown as string[]) ROLE: Role = 'all';
  @IsString() @IsNotEmpty() ADMIN_API_KEY: string = 'dev-admin-key-change-me';
  @IsInt() @Min(1) @Max(100000) MAX_ITEMS_PER_COMMAND: number = 1000;
  @IsInt() @Min(1) TOKEN_TTL_SECONDS: number = 3600;
  @Matches(/^\d{1,12}(\.\d{1,4})?$/, { message: 'must be a positive decimal with up to 4 decimals' }) POINT_VALUE: string = '1.00';
  /** ROLE=worker serves only /health and /metrics, on this port (0: any free port, as tests run it). */
  @IsInt() @Min(0) @Max(65535) WORKER_PORT: number = 3001;
  /** Bearer token that may read /metrics besides an admin key; empty = admin key only. */
  @IsString() METRICS_TOKEN: string = '';
  /** Requests per client per RATE_LIMIT_WINDOW_MS, all routes of the client together; 0 = no limit. */
  @IsInt() @Min(0) RATE_LIMIT: number = 2000;
  @IsInt() @Min(100) @Max(3600000) RATE_LIMIT_WINDOW_MS: number = 1000;
  @IsInt() @Min(0) @Max(16777216) MIN_BUFFER_POOL_MB: number = 1024;
  @IsInt() @Min(0) @Max(16777216) MIN_REDO_LOG_MB: number = 1024;
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL: string = 'info';
  @IsInt() @Min(1000) @Max(3600000) HTTP_REQUEST_TIMEOUT_MS: number = 30000;
  @IsInt() @Min(1000) @Max(3600000) HTTP_HEADERS_TIMEOUT_MS: number = 10000;
  @IsInt() @Min(1000) @Max(600000) HTTP_KEEP_ALIVE_TIMEOUT_MS: number = 5000;
  @IsInt() @Min(1) @Max(1000000) HTTP_MAX_CONNECTIONS: number = 1000;
  /**
   * Outbound webhooks: request timeout, retry window and backoff, events per batched POST, how long a
   * batch waits to fill and at most for event processing's backlog, expiry notice thresholds.
   */
  @IsInt() @Min(100) @Max(60000) WEBHOOK_TIMEOUT_MS: number = 5000;
  @IsInt() @Min(1000) @Max(2592000000) WEBHOOK_RETRY_WINDOW_MS: number = 86400000;
  @IsInt() @Min(10) @Max(3600000) WEBHOOK_BACKOFF_BASE_MS: number = 5000;
  @IsInt() @Min(10) @Max(86400000) WEBHOOK_BACKOFF_MAX_MS: number = 3600000;
  @IsInt() @Min(1) @Max(1000) WEBHOOK_BATCH_SIZE: number = 100;
  @IsInt() @Min(0) @Max(5000) WEBHOOK_BATCH_LINGER_MS: number = 1000;
  @IsInt() @Min(0) @Max(3600000) WEBHOOK_MAX_DEFER_MS: number = 60000;
  @Matches(/^\s*\d{1,4}(\s*,\s*\d{1,4})*\s*$/, { message: 'must be a comma-separated list of whole days, e.g. 30,7' })
  WEBHOOK_EXPIRY_NOTICE_DAYS: string = '30,7';
  @IsOptional() @IsIn(['development', 'production', 'test']) NODE_ENV?: string;
}

export class ConfigError extends Error {}

/** Validates raw variables; an invalid value throws a ConfigError whose message is one line naming it. */
export function validateEnvironment(raw: Record<string, string | undefined>): EnvironmentVariables {
  const known = Object.keys(new EnvironmentVariables());
  const given: Record<string, string> = {};
  for (const key of [...known, 'NODE_ENV']) {
    const value = raw[key];
    if (value !== undefined && !(value === '' && key !== 'DB_PASSWORD')) given[key] = value;
  }
  const env = plainToInstance(EnvironmentVariables, given, { enableImplicitConversion: true });
  if (given.POINT_VALUE !== undefined) env.POINT_VALUE = given.POINT_VALUE;
  if (given.WEBHOOK_EXPIRY_NOTICE_DAYS !== undefined) env.WEBHOOK_EXPIRY_NOTICE_DAYS = given.WEBHOOK_EXPIRY_NOTICE_DAYS;
  const errors = validateSync(env, { whitelist: true });
  if (errors.length > 0) {
    const first = errors[0];
    const reason = Object.values(first.constraints ?? {})[0] ?? 'is invalid';
    throw new ConfigError(`Invalid configuration: ${first.property}=${JSON.stringify(raw[first.property])} ${reason.replace(`${first.property} `, '')}`);
  }
  if (!/[1-9]/.test(env.POINT_VALUE)) throw new ConfigError('Invalid configuration: POINT_VALUE must be greater than zero');
  if (env.HTTP_HEADERS_TIMEOUT_MS > env.HTTP_REQUEST_TIMEOUT_MS) {
    throw new ConfigError('Invalid configuration: HTTP_HEADERS_TIMEOUT_MS must not be greater than HTTP_REQUEST_TIMEOUT_MS');
  }
  if (env.WEBHOOK_BACKOFF_BASE_MS > env.WEBHOOK_BACKOFF_MAX_MS) {
    throw new ConfigError('Invalid configuration: WEBHOOK_BACKOFF_BASE_MS must not be greater than WEBHOOK_BACKOFF_MAX_MS');
  }
  if (noticeDays(env.WEBHOOK_EXPIRY_NOTICE_DAYS).some((d) => d < 1)) {
    throw new ConfigError('Invalid configuration: WEBHOOK_EXPIRY_NOTICE_DAYS must list days of at least 1');
  }
  return env;
}

/** "30, 7" → [30, 7]: distinct thresholds, largest first. */
export function noticeDays(list: string): number[] {
  return [...new Set(list.split(',').map((d) => Number(d.trim())))].sort((a, b) => b - a);
}

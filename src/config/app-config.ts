import * as dotenv from 'dotenv';
import * as path from 'path';
import { EnvironmentVariables, noticeDays, Role, validateEnvironment } from './environment';

/** Outbound webhooks (see modules/webhooks). */
export interface WebhookConfig {
  timeoutMs: number;
  retryWindowMs: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  batchSize: number;
  /** How long a batched delivery waits before its first attempt, so later batches of its kind can join it. */
  batchLingerMs: number;
  /** How long batches wait at most while event processing has a backlog (0: they never wait for it). */
  maxDeferMs: number;
  /** Days before expiry at which a lot is announced (points.expiring), largest first. */
  expiryNoticeDays: number[];
}

/** Typed configuration of the whole application; the only place that reads process.env. */
export class AppConfig {
  readonly port: number;
  readonly role: Role;
  readonly db: { host: string; port: number; user: string; password: string; name: string };
  readonly redis: { host: string; port: number; db: number };
  readonly queuePrefix: string;
  readonly adminApiKey: string;
  readonly maxItemsPerCommand: number;
  readonly tokenTtlSeconds: number;
  readonly pointValue: string;
  readonly logLevel: string;
  readonly workerPort: number;
  readonly metricsToken: string | null;
  readonly rateLimit: { limit: number; windowMs: number };
  /** Start-up warns when MariaDB's innodb_buffer_pool_size is below this many MiB; 0 turns the check off. */
  readonly minBufferPoolMb: number;
  readonly minRedoLogMb: number;
  /** Limits of the HTTP server against slow or idle clients (see server-limits.ts). */
  readonly http: { requestTimeoutMs: number; headersTimeoutMs: number; keepAliveTimeoutMs: number; maxConnections: number };
  readonly webhooks: WebhookConfig;

  constructor(env: EnvironmentVariables) {
    this.port = env.PORT;
    this.role = env.ROLE;
    this.db = { host: env.DB_HOST, port: env.DB_PORT, user: env.DB_USER, password: env.DB_PASSWORD, name: env.DB_NAME };
    this.redis = { host: env.REDIS_HOST, port: env.REDIS_PORT, db: env.REDIS_DB };
    this.queuePrefix = env.QUEUE_PREFIX;
    this.adminApiKey = env.ADMIN_API_KEY;
    this.maxItemsPerCommand = env.MAX_ITEMS_PER_COMMAND;
    this.tokenTtlSeconds = env.TOKEN_TTL_SECONDS;
    this.pointValue = env.POINT_VALUE;
    this.logLevel = env.LOG_LEVEL;
    this.workerPort = env.WORKER_PORT;
    this.metricsToken = env.METRICS_TOKEN || null;
    this.rateLimit = { limit: env.RATE_LIMIT, windowMs: env.RATE_LIMIT_WINDOW_MS };
    this.minBufferPoolMb = env.MIN_BUFFER_POOL_MB;
    this.minRedoLogMb = env.MIN_REDO_LOG_MB;
    this.http = {
      requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
      headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS,
      keepAliveTimeoutMs: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      maxConnections: env.HTTP_MAX_CONNECTIONS,
    };
    this.webhooks = {
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      retryWindowMs: env.WEBHOOK_RETRY_WINDOW_MS,
      backoffBaseMs: env.WEBHOOK_BACKOFF_BASE_MS,
      backoffMaxMs: env.WEBHOOK_BACKOFF_MAX_MS,
      batchSize: env.WEBHOOK_BATCH_SIZE,
      batchLingerMs: env.WEBHOOK_BATCH_LINGER_MS,
      maxDeferMs: env.WEBHOOK_MAX_DEFER_MS,
      expiryNoticeDays: noticeDays(env.WEBHOOK_EXPIRY_NOTICE_DAYS),
    };
  }

  /** The APIs, docs and admin board; a worker serves only /health and /metrics. */
  get servesApi(): boolean {
    return this.role !== 'worker';
  }

  get httpPort(): number {
    return this.servesApi ? this.port : this.workerPort;
  }

  get runsProcessors(): boolean {
    return this.role !== 'api';
  }

  /** Returns a copy with some values replaced (tests and benchmarks use it). */
  with(overrides: Partial<Record<keyof EnvironmentVariables, string>>): AppConfig {
    return loadConfig({ ...currentEnvironment(), ...overrides });
  }
}

function currentEnvironment(): Record<string, string | undefined> {
  dotenv.config({ path: path.resolve(process.cwd(), '.env'), quiet: true } as dotenv.DotenvConfigOptions);
  return process.env;
}

/** Reads `.env` (if present) and the process environment, validated. */
export function loadConfig(raw: Record<string, string | undefined> = currentEnvironment()): AppConfig {
  return new AppConfig(validateEnvironment(raw));
}

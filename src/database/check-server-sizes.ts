import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config';

const MIB = 1024 * 1024;

/** The server sizes the engine needs at scale, what a warning says of each, and the variable that sets its minimum. */
const SIZES = {
  innodb_buffer_pool_size: {
    message: 'MariaDB buffer pool is below the configured minimum',
    better: 'better to the size of the data and indexes',
    minimumVariable: 'MIN_BUFFER_POOL_MB',
  },
  innodb_log_file_size: {
    message: 'MariaDB redo log is below the configured minimum',
    better: 'so that processing does not wait for pages flushed to make room in the log',
    minimumVariable: 'MIN_REDO_LOG_MB',
  },
} as const;

export type ServerSize = keyof typeof SIZES;

export interface ServerSizeWarning {
  setting: ServerSize;
  currentMb: number;
  minimumMb: number;
  action: string;
}

/**
 * The warning to log when the server's `setting` (bytes, as the server reports it) is below
 * `minimumMb`; null when it is large enough or the check is off (`minimumMb` 0).
 */
export function serverSizeWarning(setting: ServerSize, bytes: number | string, minimumMb: number): ServerSizeWarning | null {
  if (minimumMb === 0) return null;
  const currentMb = Math.floor(Number(bytes) / MIB);
  if (currentMb >= minimumMb) return null;
  const { better, minimumVariable } = SIZES[setting];
  return {
    setting,
    currentMb,
    minimumMb,
    action: `raise ${setting} to at least ${minimumMb} MiB, ${better} (README "Deployment"), or set ${minimumVariable}=0 to turn this check off`,
  };
}

/**
 * The server's sizes from its variables. MySQL 8.0.30 and later size the redo log with
 * `innodb_redo_log_capacity` (its `innodb_log_file_size` is then ignored); MariaDB has one log file
 * of `innodb_log_file_size`.
 */
export function serverSizes(variables: Array<{ Variable_name: string; Value: string }>): Record<ServerSize, string> {
  const value = new Map(variables.map((v) => [v.Variable_name.toLowerCase(), v.Value]));
  return {
    innodb_buffer_pool_size: value.get('innodb_buffer_pool_size') ?? '0',
    innodb_log_file_size: value.get('innodb_redo_log_capacity') ?? value.get('innodb_log_file_size') ?? '0',
  };
}

/** Warns once at start for each MariaDB size below its minimum for processing at scale. */
@Injectable()
export class ServerSizesCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger(ServerSizesCheck.name);

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const minimums: Record<ServerSize, number> = {
      innodb_buffer_pool_size: this.config.minBufferPoolMb,
      innodb_log_file_size: this.config.minRedoLogMb,
    };
    const sizes = serverSizes(await this.dataSource.query(
      "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('innodb_buffer_pool_size', 'innodb_log_file_size', 'innodb_redo_log_capacity')",
    ));
    for (const setting of Object.keys(SIZES) as ServerSize[]) {
      const warning = serverSizeWarning(setting, sizes[setting], minimums[setting]);
      if (warning) this.logger.warn(warning, SIZES[setting].message);
    }
  }
}

import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config';

const MIB = 1024 * 1024;

export interface BufferPoolWarning {
  setting: 'innodb_buffer_pool_size';
  currentMb: number;
  minimumMb: number;
  action: string;
}

/**
 * The warning to log when the server's buffer pool (bytes, as the server reports it) is below
 * `minimumMb`; null when it is large enough or the check is off (`minimumMb` 0).
 */
export function bufferPoolWarning(poolBytes: number | string, minimumMb: number): BufferPoolWarning | null {
  if (minimumMb === 0) return null;
  const currentMb = Math.floor(Number(poolBytes) / MIB);
  if (currentMb >= minimumMb) return null;
  return {
    setting: 'innodb_buffer_pool_size',
    currentMb,
    minimumMb,
    action:
      `raise innodb_buffer_pool_size to at least ${minimumMb} MiB, better to the size of the data and indexes ` +
      '(README "Deployment"), or set MIN_BUFFER_POOL_MB=0 to turn this check off',
  };
}

/** Warns once at start when MariaDB's buffer pool is too small for processing at scale. */
@Injectable()
export class BufferPoolCheck implements OnApplicationBootstrap {
  private readonly logger = new Logger(BufferPoolCheck.name);

  constructor(
    private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.minBufferPoolMb === 0) return;
    const [row]: Array<{ size: string }> = await this.dataSource.query('SELECT @@innodb_buffer_pool_size AS size');
    const warning = bufferPoolWarning(row.size, this.config.minBufferPoolMb);
    if (warning) this.logger.warn(warning, 'MariaDB buffer pool is below the configured minimum');
  }
}

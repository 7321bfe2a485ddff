import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'crypto';
import { hostname } from 'os';
import Redis from 'ioredis';
import { AppConfig } from '../../../config';
import { REDIS } from '../../../common/redis/redis.module';

/** A lease lasts this long unless its holder renews it: a killed worker's partition is free again after it. */
export const LEASE_TTL_MS = 15000;
const RENEW_EVERY_MS = LEASE_TTL_MS / 3;
const RETRY_EVERY_MS = 20;

const RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/**
 * Exclusive leases on event partitions, shared by every worker process through Redis: a job of a
 * partition runs only while it holds the partition's lease. A lease's value names its holder
 * (`host:pid:random`), it is renewed while its job runs, and is released only by its holder.
 */
@Injectable()
export class PartitionLeases {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  /** Runs `work` holding the lease of `partition`, waiting while another job holds it. */
  async holding<T>(partition: string, work: () => Promise<T>): Promise<T> {
    const key = `${this.config.queuePrefix}:lease:${partition}`;
    const token = `${hostname()}:${process.pid}:${randomBytes(6).toString('hex')}`;
    while ((await this.redis.set(key, token, 'PX', LEASE_TTL_MS, 'NX')) !== 'OK') await sleep(RETRY_EVERY_MS);
    const renewal = setInterval(() => void this.redis.eval(RENEW, 1, key, token, LEASE_TTL_MS).catch(() => undefined), RENEW_EVERY_MS);
    try {
      return await work();
    } finally {
      clearInterval(renewal);
      await this.redis.eval(RELEASE, 1, key, token).catch(() => undefined);
    }
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

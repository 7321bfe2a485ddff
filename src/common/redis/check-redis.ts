import Redis from 'ioredis';
import { AppConfig } from '../../config';
import { describeConnectionError } from '../startup-error';

/** Fails fast, with one clear line, when Redis does not answer. */
export async function checkRedis(config: AppConfig): Promise<void> {
  const { host, port, db } = config.redis;
  const redis = new Redis({ host, port, db, lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  let lastError: unknown;
  redis.on('error', (error) => (lastError = error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw describeConnectionError('Redis', host, port, lastError ?? error);
  } finally {
    redis.disconnect();
  }
}

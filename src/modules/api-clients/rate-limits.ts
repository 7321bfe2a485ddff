import { ThrottlerModule } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import Redis from 'ioredis';
import { REDIS } from '../../common/redis/redis.module';
import { AppConfig } from '../../config';
import { FailOpenThrottlerStorage } from './fail-open-throttler-storage';
import { clientLimit } from './guards/client-throttler.guard';

/** Per-client request limits counted in Redis (shared by every process), under the queue prefix; not enforced while Redis is down. */
export const RateLimitsModule = ThrottlerModule.forRootAsync({
  inject: [AppConfig, REDIS],
  useFactory: (config: AppConfig, redis: Redis) => ({
    storage: new FailOpenThrottlerStorage(new ThrottlerStorageRedisService(redis)),
    generateKey: (_context, tracker) => `${config.queuePrefix}:rate-limit:client:${tracker}`,
    errorMessage: (_context, detail) =>
      `Too many requests: the limit is ${detail.limit} per ${detail.ttl} ms; retry after ${detail.timeToBlockExpire} s`,
    skipIf: (context) => clientLimit(context, config.rateLimit.limit) === 0,
    throttlers: [{
      ttl: config.rateLimit.windowMs,
      limit: (context) => clientLimit(context, config.rateLimit.limit),
    }],
  }),
});

import { Logger } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { withinTime } from '../../common/queue/within-time';
import { REPEATED_ERROR_LOG_MS } from '../../common/redis/redis-error-log';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** How long a request waits for its rate-limit count before it is let through uncounted. */
export const RATE_LIMIT_COUNT_TIMEOUT_MS = 250;

const UNCOUNTED: ThrottlerStorageRecord = { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };

/**
 * Rate limits protect the engine; they must not take it down. When Redis cannot count a request
 * in time (Redis down or restarting), the request goes through uncounted and a warning is logged,
 * at most once per REPEATED_ERROR_LOG_MS, instead of answering 500 or waiting for Redis.
 */
export class FailOpenThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger('RateLimits');
  private lastWarned = 0;

  constructor(
    private readonly counts: ThrottlerStorage,
    private readonly timeoutMs = RATE_LIMIT_COUNT_TIMEOUT_MS,
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    try {
      return await withinTime(this.counts.increment(key, ttl, limit, blockDuration, throttlerName), this.timeoutMs, 'Rate-limit count');
    } catch (error) {
      if (Date.now() - this.lastWarned >= REPEATED_ERROR_LOG_MS) {
        this.lastWarned = Date.now();
        this.logger.warn({ err: error }, 'Rate limits not counted: Redis did not answer; requests go through');
      }
      return UNCOUNTED;
    }
  }
}

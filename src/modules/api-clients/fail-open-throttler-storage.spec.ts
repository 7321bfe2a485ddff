import { ThrottlerStorage } from '@nestjs/throttler';
import { FailOpenThrottlerStorage } from './fail-open-throttler-storage';

const counted = { totalHits: 3, timeToExpire: 900, isBlocked: true, timeToBlockExpire: 1 };
const storage = (increment: ThrottlerStorage['increment']): ThrottlerStorage => ({ increment });

describe('FailOpenThrottlerStorage', () => {
  it('passes the count through while Redis answers', async () => {
    const limits = new FailOpenThrottlerStorage(storage(async () => counted));
    await expect(limits.increment('k', 1000, 5, 1000, 'default')).resolves.toEqual(counted);
  });

  it('lets a request through uncounted when Redis fails', async () => {
    const limits = new FailOpenThrottlerStorage(storage(() => Promise.reject(new Error('Reached the max retries per request limit'))));
    await expect(limits.increment('k', 1000, 5, 1000, 'default')).resolves.toMatchObject({ isBlocked: false, totalHits: 0 });
  });

  it('does not wait for a Redis that does not answer', async () => {
    const limits = new FailOpenThrottlerStorage(storage(() => new Promise(() => undefined)), 50);
    const started = Date.now();
    await expect(limits.increment('k', 1000, 5, 1000, 'default')).resolves.toMatchObject({ isBlocked: false });
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

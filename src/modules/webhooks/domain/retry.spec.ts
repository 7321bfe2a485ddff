import { afterFailure, retryDelayMs } from './retry';

const policy = { backoffBaseMs: 1000, backoffMaxMs: 60000, retryWindowMs: 3600000 };

describe('retryDelayMs', () => {
  it('doubles from the base with half of each delay random, capped at the maximum', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(policy, a, 0))).toEqual([500, 1000, 2000, 4000]);
    expect([1, 2, 3, 4].map((a) => retryDelayMs(policy, a, 1))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(policy, 30, 1)).toBe(60000);
    expect(retryDelayMs(policy, 10000, 0.5)).toBe(45000);
  });
});

describe('afterFailure', () => {
  const start = new Date('2026-12-01T00:00:00Z');
  it('schedules the next attempt inside the window and gives up once the window has passed', () => {
    const next = afterFailure(policy, start, 1, new Date(start.getTime() + 1000));
    expect(next.dead).toBe(false);
    expect(afterFailure(policy, start, 20, new Date(start.getTime() + 3600000))).toEqual({ dead: true });
  });
});

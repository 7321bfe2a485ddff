import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles from the base delay and stops at the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((a) => backoffDelay(a, 500, 10000))).toEqual([500, 1000, 2000, 4000, 8000, 10000, 10000]);
  });

  it('stays at the cap for very high attempt numbers', () => {
    expect(backoffDelay(5000, 500, 30000)).toBe(30000);
  });
});

import { noticeThreshold } from './notice-threshold';

const now = new Date('2026-12-01T00:00:00Z');
const inDays = (d: number) => new Date(now.getTime() + d * 24 * 60 * 60 * 1000);

describe('noticeThreshold', () => {
  it('is the smallest threshold whose window reaches the expiry', () => {
    expect(noticeThreshold([30, 7], inDays(6), now)).toBe(7);
    expect(noticeThreshold([30, 7], inDays(7), now)).toBe(7);
    expect(noticeThreshold([30, 7], inDays(20), now)).toBe(30);
    expect(noticeThreshold([30, 7], inDays(31), now)).toBeNull();
    expect(noticeThreshold([30, 7], inDays(-1), now)).toBeNull();
  });
});

import { addCounts, loadExitCode, noCounts, summaryLine } from './counts';

describe('load counts', () => {
  it('adds points exactly as decimals', () => {
    const total = [{ processed: 1, points: '0.10' }, { processed: 1, points: '0.20' }].reduce(addCounts, noCounts(true));
    expect(total).toEqual({ sent: 0, processed: 2, rejected: 0, failed: 0, points: '0.30' });
  });

  it('keeps points unknown once a part did not follow them', () => {
    expect(addCounts(noCounts(true), noCounts(false)).points).toBeNull();
  });

  it('prints one summary line with every count', () => {
    expect(summaryLine({ sent: 5000, processed: 4990, rejected: 7, failed: 3, points: '49900.00' }))
      .toBe('sent 5000, processed 4990, rejected 7, failed 3, points 49900.00');
    expect(summaryLine({ sent: 3, processed: 3, rejected: 0, failed: 0, points: null }))
      .toBe('sent 3, processed 3, rejected 0, failed 0, points not followed (CRM API)');
  });

  it('exits 1 when any event was rejected or failed, 0 otherwise', () => {
    expect(loadExitCode({ sent: 2, processed: 2, rejected: 0, failed: 0, points: '0' })).toBe(0);
    expect(loadExitCode({ sent: 2, processed: 1, rejected: 0, failed: 1, points: '0' })).toBe(1);
    expect(loadExitCode({ sent: 2, processed: 1, rejected: 1, failed: 0, points: '0' })).toBe(1);
  });
});

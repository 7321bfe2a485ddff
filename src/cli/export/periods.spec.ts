import { readBoundary, splitPeriod } from './periods';

describe('readBoundary', () => {
  it('reads a day as its first or last millisecond, and a date-time as it is', () => {
    expect(readBoundary('2025-03-01', false)?.toISOString()).toBe('2025-03-01T00:00:00.000Z');
    expect(readBoundary('2025-03-01', true)?.toISOString()).toBe('2025-03-01T23:59:59.999Z');
    expect(readBoundary('2025-03-01T10:00:00+03:00', false)?.toISOString()).toBe('2025-03-01T07:00:00.000Z');
    expect(readBoundary('yesterday', false)).toBeNull();
  });
});

describe('splitPeriod', () => {
  it('keeps a period of at most the limit whole', () => {
    const from = new Date('2025-03-01T00:00:00.000Z');
    const till = new Date('2025-03-31T23:59:59.999Z');
    expect(splitPeriod(from, till, 31)).toEqual([{ from, till }]);
  });

  it('splits 40 days into back-to-back periods of at most 31 days that cover every millisecond once', () => {
    const periods = splitPeriod(new Date('2025-03-01T00:00:00.000Z'), new Date('2025-04-09T23:59:59.999Z'), 31);
    expect(periods.map((p) => [p.from.toISOString(), p.till.toISOString()])).toEqual([
      ['2025-03-01T00:00:00.000Z', '2025-03-31T23:59:59.999Z'],
      ['2025-04-01T00:00:00.000Z', '2025-04-09T23:59:59.999Z'],
    ]);
    expect(periods[1].from.getTime() - periods[0].till.getTime()).toBe(1);
    expect(periods.every((p) => p.till.getTime() - p.from.getTime() <= 31 * 86_400_000)).toBe(true);
  });

  it('gives one instant for a period that starts and ends together, and nothing for a reversed one', () => {
    const at = new Date('2025-03-01T00:00:00.000Z');
    expect(splitPeriod(at, at, 31)).toEqual([{ from: at, till: at }]);
    expect(splitPeriod(at, new Date(at.getTime() - 1), 31)).toEqual([]);
  });
});

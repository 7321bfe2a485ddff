import { isoDayOfWeek, periodsOf } from './periods';

describe('periodsOf', () => {
  it('names the UTC day and month of the event', () => {
    expect(periodsOf('2025-01-31T23:59:59.999Z')).toEqual({ day: 'D2025-01-31', month: 'M2025-01' });
    expect(periodsOf('2025-02-01T00:00:00.000Z')).toEqual({ day: 'D2025-02-01', month: 'M2025-02' });
  });

  it('uses the UTC date, not the offset the time was written in', () => {
    expect(periodsOf('2015-01-01T00:00:00+03:00')).toEqual({ day: 'D2014-12-31', month: 'M2014-12' });
  });

  it('refuses what is not a date', () => {
    expect(() => periodsOf('yesterday')).toThrow('Invalid performedOn yesterday');
  });
});

describe('isoDayOfWeek', () => {
  it.each([
    ['2025-01-06T12:00:00Z', 1],
    ['2025-01-07T12:00:00Z', 2],
    ['2025-01-10T12:00:00Z', 5],
    ['2025-01-11T00:00:00Z', 6],
    ['2025-01-12T23:59:59Z', 7],
  ])('%s is day %d', (date, day) => expect(isoDayOfWeek(Date.parse(date))).toBe(day));
});

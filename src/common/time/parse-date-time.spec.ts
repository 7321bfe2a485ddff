import { parseDateTime } from './parse-date-time';

describe('parseDateTime', () => {
  it.each([
    ['2015-01-01T00:00:00+03', '2014-12-31T21:00:00.000Z'],
    ['2015-01-01T00:00:00+0300', '2014-12-31T21:00:00.000Z'],
    ['2015-01-01T00:00:00+03:00', '2014-12-31T21:00:00.000Z'],
    ['2015-01-01T00:00:00-05:30', '2015-01-01T05:30:00.000Z'],
    ['2019-10-23T18:25:43.511Z', '2019-10-23T18:25:43.511Z'],
    ['2016-06-22T15:00:00', '2016-06-22T15:00:00.000Z'],
    ['2016-06-22T15:00', '2016-06-22T15:00:00.000Z'],
  ])('reads %s as %s', (input, expected) => expect(parseDateTime(input)?.toISOString()).toBe(expected));

  it.each(['2015-02-30T00:00:00Z', '2015-13-01T00:00:00Z', '2015-01-01 00:00:00Z', 'yesterday', '2015-01-01T24:00:00Z', '2015-01-01T00:00:00+19'])(
    'rejects %s', (input) => expect(parseDateTime(input)).toBeNull(),
  );

  it('rejects non-strings', () => {
    expect(parseDateTime(1572423477)).toBeNull();
    expect(parseDateTime(null)).toBeNull();
  });

  it('requires an offset when asked', () => {
    expect(parseDateTime('2016-06-22T15:00:00', { requireOffset: true })).toBeNull();
    expect(parseDateTime('2016-06-22T15:00:00Z', { requireOffset: true })?.toISOString()).toBe('2016-06-22T15:00:00.000Z');
  });
});

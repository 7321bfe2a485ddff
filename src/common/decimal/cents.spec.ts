import { formatCents, toCents } from './cents';

describe('cents', () => {
  it('reads decimal strings of up to 2 decimals exactly', () => {
    expect([toCents('12.5'), toCents('0.05'), toCents('-3.10'), toCents('7'), toCents('9999999999999999.99')])
      .toEqual([1250n, 5n, -310n, 700n, 999999999999999999n]);
  });

  it('refuses what is not such a decimal', () => {
    for (const bad of ['', '1.234', 'abc', '1e3', '.5']) expect(() => toCents(bad)).toThrow();
  });

  it('writes two decimals with the sign', () => {
    expect([formatCents(1250n), formatCents(5n), formatCents(-5n), formatCents(0n), formatCents(-123456n)])
      .toEqual(['12.50', '0.05', '-0.05', '0.00', '-1234.56']);
  });
});

import { readDecimal } from './decimal-input';

describe('readDecimal', () => {
  it('reads numbers and decimal strings exactly', () => {
    expect(readDecimal(100.0, 4)?.toFixed(4)).toBe('100.0000');
    expect(readDecimal('0.1', 4)?.plus('0.2').toString()).toBe('0.3');
    expect(readDecimal(15.19, 4)?.toString()).toBe('15.19');
    expect(readDecimal('12.3456', 4)?.toString()).toBe('12.3456');
  });

  it('refuses too many decimals, non-numbers and non-finite values', () => {
    expect(readDecimal('1.23456', 4)).toBeNull();
    expect(readDecimal('abc', 4)).toBeNull();
    expect(readDecimal('', 4)).toBeNull();
    expect(readDecimal(Infinity, 4)).toBeNull();
    expect(readDecimal(null, 4)).toBeNull();
    expect(readDecimal(true, 4)).toBeNull();
  });
});

import Decimal from 'decimal.js';
import { add, compare, fixed, floorCents, shift, times, wholeCents, wholeSteps } from './fixed-point';

describe('fixed-point decimals', () => {
  it('reads canonical and other decimal forms exactly', () => {
    expect(fixed('123.4500')).toEqual({ n: 1234500n, scale: 4 });
    expect(fixed('-0.5')).toEqual({ n: -5n, scale: 1 });
    expect(fixed('1e3')).toEqual({ n: 1000n, scale: 0 });
    expect(() => fixed('abc')).toThrow();
  });

  it('compares and adds across scales', () => {
    expect(compare(fixed('450'), fixed('450.0000'))).toBe(0);
    expect(compare(fixed('449.9999'), fixed('450'))).toBe(-1);
    expect(add(fixed('0.1'), fixed('0.02'))).toEqual({ n: 12n, scale: 2 });
  });

  it('rounds like the decimal rules: floor to cents, floor or half-up to whole points', () => {
    const percent = shift(times(fixed('123.4567'), fixed('1.5')), 2);
    expect(floorCents(percent)).toBe(185n);
    expect(wholeCents(fixed('2.5'), true)).toBe(300n);
    expect(wholeCents(fixed('2.4999'), true)).toBe(200n);
    expect(wholeCents(fixed('2.99'), false)).toBe(200n);
    expect(wholeCents(fixed('-2.5'), true)).toBe(-300n);
    expect(floorCents(fixed('-0.001'))).toBe(-1n);
    expect(wholeSteps(fixed('99.99'), fixed('10'))).toBe(9n);
  });

  it('agrees with decimal.js on many random products', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (let i = 0; i < 2000; i++) {
      const amount = `${next() % 100000}.${String(next() % 10000).padStart(4, '0')}`;
      const percent = `${next() % 100}.${String(next() % 100).padStart(2, '0')}`;
      const exact = new Decimal(amount).times(percent).div(100);
      const value = shift(times(fixed(amount), fixed(percent)), 2);
      expect(floorCents(value)).toBe(BigInt(exact.toDecimalPlaces(2, Decimal.ROUND_FLOOR).times(100).toFixed(0)));
      expect(wholeCents(value, true)).toBe(BigInt(exact.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(100).toFixed(0)));
    }
  });
});

import Decimal from 'decimal.js';

/**
 * An exact decimal as a scaled integer: `n / 10^scale`. The evaluator's arithmetic — products,
 * quotients floored to whole steps, rounding to points — done on bigints, with no precision limit
 * and no floats; points come out as hundredths (bigint), as the ledger keeps them.
 */
export interface Fixed {
  n: bigint;
  scale: number;
}

const PLAIN = /^([+-]?)(\d+)(?:\.(\d+))?$/;
const TENS: bigint[] = [1n];
const ten = (power: number): bigint => {
  while (TENS.length <= power) TENS.push(TENS[TENS.length - 1] * 10n);
  return TENS[power];
};

export const ZERO: Fixed = { n: 0n, scale: 0 };

/** A decimal string (canonical, or any form decimal.js reads) as a Fixed. */
export function fixed(value: string): Fixed {
  const match = PLAIN.exec(value);
  if (!match) {
    const canonical = new Decimal(value);
    if (!canonical.isFinite()) throw new Error(`Not a finite decimal: ${value}`);
    return fixed(canonical.toFixed());
  }
  const decimals = match[3] ?? '';
  const n = BigInt(match[2] + decimals);
  return { n: match[1] === '-' ? -n : n, scale: decimals.length };
}

function align(a: Fixed, b: Fixed): [bigint, bigint, number] {
  if (a.scale === b.scale) return [a.n, b.n, a.scale];
  return a.scale > b.scale ? [a.n, b.n * ten(a.scale - b.scale), a.scale] : [a.n * ten(b.scale - a.scale), b.n, b.scale];
}

export function compare(a: Fixed, b: Fixed): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function add(a: Fixed, b: Fixed): Fixed {
  const [x, y, scale] = align(a, b);
  return { n: x + y, scale };
}

export function times(a: Fixed, b: Fixed): Fixed {
  return { n: a.n * b.n, scale: a.scale + b.scale };
}

/** a / 10^power, exactly. */
export function shift(a: Fixed, power: number): Fixed {
  return { n: a.n, scale: a.scale + power };
}

/** How many whole `step`s fit in `a`, rounded down (toward minus infinity). */
export function wholeSteps(a: Fixed, step: Fixed): bigint {
  const [x, y] = align(a, step);
  return floorDiv(x, y);
}

/** The value in hundredths, rounded down. */
export function floorCents(a: Fixed): bigint {
  return a.scale >= 2 ? floorDiv(a.n, ten(a.scale - 2)) : a.n * ten(2 - a.scale);
}

/** The value in whole units, rounded down or half away from zero, as hundredths. */
export function wholeCents(a: Fixed, halfUp: boolean): bigint {
  if (a.scale === 0) return a.n * 100n;
  const unit = ten(a.scale);
  if (!halfUp) return floorDiv(a.n, unit) * 100n;
  const magnitude = a.n < 0n ? -a.n : a.n;
  const rounded = (magnitude * 2n + unit) / (unit * 2n);
  return (a.n < 0n ? -rounded : rounded) * 100n;
}

function floorDiv(x: bigint, y: bigint): bigint {
  const q = x / y;
  return (x % y !== 0n && (x < 0n) !== (y < 0n)) ? q - 1n : q;
}

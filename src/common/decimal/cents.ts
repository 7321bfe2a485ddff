/**
 * Points as whole hundredths in a bigint: exact, and far cheaper than decimal objects in the
 * ledger's hot path. Read from and written as the DECIMAL(…,2) strings the database and the APIs use.
 */
const CENTS = /^([+-]?)(\d+)(?:\.(\d{0,2}))?$/;

/** "12.5" → 1250n; refuses anything that is not a decimal with at most 2 decimals. */
export function toCents(value: string): bigint {
  const match = CENTS.exec(value);
  if (!match) throw new Error(`Not a points value with at most 2 decimals: ${value}`);
  const cents = BigInt(match[2]) * 100n + BigInt((match[3] ?? '').padEnd(2, '0'));
  return match[1] === '-' ? -cents : cents;
}

/** 1250n → "12.50"; -5n → "-0.05". */
export function formatCents(cents: bigint): string {
  const negative = cents < 0n;
  const digits = (negative ? -cents : cents).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

export const minCents = (a: bigint, b: bigint): bigint => (a < b ? a : b);
export const maxCents = (a: bigint, b: bigint): bigint => (a > b ? a : b);

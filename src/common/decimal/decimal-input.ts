import Decimal from 'decimal.js';

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** The decimal strings readDecimal reads, as a pattern for the wire schemas (a trimmed value). */
export const DECIMAL_PATTERN = DECIMAL_TEXT.source;

/**
 * Reads a JSON number or decimal string as an exact decimal, or null if it is not one or has more
 * than `maxDecimals` decimals. JSON numbers are read through their shortest text form, so 100.0000
 * sent as a number is exactly 100.
 */
export function readDecimal(value: unknown, maxDecimals: number): Decimal | null {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    text = String(value);
  } else if (typeof value === 'string') {
    text = value.trim();
    if (!DECIMAL_TEXT.test(text)) return null;
  } else {
    return null;
  }
  const decimal = new Decimal(text);
  return decimal.decimalPlaces() > maxDecimals ? null : decimal;
}

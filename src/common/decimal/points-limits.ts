import Decimal from 'decimal.js';

/**
 * What the DECIMAL(18,2) columns of points (balances, ledger lines, usage, budgets) and the
 * DECIMAL(18,4) columns of amounts can hold. Inputs are checked against them before anything is
 * stored; a sum that would pass them is refused.
 */
export const MAX_POINTS = new Decimal('9999999999999999.99');
export const MAX_AMOUNT = new Decimal('99999999999999.9999');

/** Enough digits for a product of two such decimals, so it is rounded once, to its own scale. */
export const ExactDecimal = Decimal.clone({ precision: 64 });

/**
 * A points parameter in SQL arithmetic: MariaDB evaluates `column + ?` with a string parameter
 * as DOUBLE, which loses cents above 2^53; cast, the sum stays exact DECIMAL.
 */
export const SQL_POINTS = 'CAST(? AS DECIMAL(20,2))';

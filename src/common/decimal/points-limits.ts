/**
 * A points parameter in SQL arithmetic: MariaDB evaluates `column + ?` with a string parameter
 * as DOUBLE, which loses cents above 2^53; cast, the sum stays exact DECIMAL.
 */
export const SQL_POINTS = 'CAST(? AS DECIMAL(20,2))';

import { EventState } from '../entities/customer-event.entity';

/** What processing decided for one event; written back to the register in one statement per chunk. */
export interface EventOutcome {
  id: string;
  state: EventState;
  customerId: string | null;
  accountId: string | null;
  points: string;
  error: string | null;
}

/**
 * The first row of the derived table carries the columns' exact types (the others follow them), so
 * ids compare as the indexed CHAR(32), points stay DECIMAL(18,2) and a null stays a null.
 */
const FIRST_ROW =
  'SELECT CAST(? AS CHAR(32)) AS id, CAST(? AS CHAR(10)) AS state, CAST(? AS CHAR(36)) AS customer_id, ' +
  'CAST(? AS UNSIGNED) AS account_id, CAST(? AS DECIMAL(18,2)) AS points, CAST(? AS CHAR(500)) AS error';
const NEXT_ROW = 'SELECT ?, ?, ?, ?, ?, ?';

/**
 * One UPDATE for a whole chunk of outcomes: the register joined to a derived table of (id, outcome),
 * found through the unique index on id, instead of one CASE list of every id per column.
 */
export function outcomeUpdate(outcomes: EventOutcome[]): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  for (const o of outcomes) params.push(o.id, o.state, o.customerId, o.accountId, o.points, o.error);
  const rows = [FIRST_ROW, ...outcomes.slice(1).map(() => NEXT_ROW)].join(' UNION ALL ');
  return {
    sql:
      `UPDATE customer_events e JOIN (${rows}) o ON o.id = e.id ` +
      'SET e.state = o.state, e.customer_id = o.customer_id, e.account_id = o.account_id, e.points = o.points, ' +
      'e.error = o.error, e.processed_at = CURRENT_TIMESTAMP(3)',
    params,
  };
}

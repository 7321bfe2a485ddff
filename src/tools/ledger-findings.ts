/** One broken invariant of the points ledger, with enough detail to find the rows. */
export interface LedgerFinding {
  check: LedgerCheckName;
  subject: string;
  detail: string;
}

export type LedgerCheckName =
  | 'balance-differs-from-ledger'
  | 'balance-differs-from-lots'
  | 'negative-balance'
  | 'lot-out-of-range'
  | 'operation-without-event'
  | 'run-unfinished-with-nothing-pending';

interface LedgerCheck {
  name: LedgerCheckName;
  /** Returns rows of `subject` and `detail`; every row is a finding. */
  sql: string;
}

/**
 * The invariants every committed state of the ledger keeps. Sums are compared in SQL, as DECIMAL,
 * so the check itself never rounds.
 */
const CHECKS: LedgerCheck[] = [
  {
    name: 'balance-differs-from-ledger',
    sql: `SELECT CONCAT('account ', a.id) AS subject,
                 CONCAT('balance ', a.balance, ', sum of ledger lines ', COALESCE(l.total, 0)) AS detail
            FROM bonus_accounts a
            LEFT JOIN (SELECT account_id, SUM(points) AS total FROM bonus_operations GROUP BY account_id) l ON l.account_id = a.id
           WHERE a.balance <> COALESCE(l.total, 0)`,
  },
  {
    name: 'balance-differs-from-lots',
    sql: `SELECT CONCAT('account ', a.id) AS subject,
                 CONCAT('balance ', a.balance, ', sum of live lots ', COALESCE(l.total, 0)) AS detail
            FROM bonus_accounts a
            LEFT JOIN (SELECT account_id, SUM(remaining) AS total FROM bonus_operations WHERE remaining IS NOT NULL GROUP BY account_id) l
                   ON l.account_id = a.id
           WHERE a.balance <> COALESCE(l.total, 0)`,
  },
  {
    name: 'negative-balance',
    sql: `SELECT CONCAT('account ', id) AS subject, CONCAT('balance ', balance) AS detail FROM bonus_accounts WHERE balance < 0`,
  },
  {
    name: 'lot-out-of-range',
    sql: `SELECT CONCAT('operation ', id) AS subject, CONCAT('points ', points, ', remaining ', remaining) AS detail
            FROM bonus_operations WHERE remaining IS NOT NULL AND (remaining < 0 OR remaining > points)`,
  },
  {
    name: 'operation-without-event',
    sql: `SELECT CONCAT('operation ', o.id) AS subject, CONCAT('event ', o.event_id, ' does not exist') AS detail
            FROM bonus_operations o
           WHERE o.event_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM customer_events e WHERE e.id = o.event_id)`,
  },
  {
    name: 'run-unfinished-with-nothing-pending',
    sql: `SELECT CONCAT('command ', r.id) AS subject, CONCAT(r.type, ' is ', r.state, ' but none of its events or items is pending') AS detail
            FROM command_runs r
           WHERE r.state <> 'done'
             AND NOT EXISTS (SELECT 1 FROM customer_events e WHERE e.command_id = r.id AND e.state = 'pending')
             AND NOT EXISTS (SELECT 1 FROM command_items i WHERE i.command_id = r.id AND i.state = 'pending')`,
  },
];

/** Runs one SQL text and resolves to its rows (a mysql2 connection or a TypeORM data source both fit). */
export type RunQuery = (sql: string) => Promise<Array<{ subject: string; detail: string }>>;

/** Runs every check against the database and returns what it found (empty when sound). */
export async function findLedgerProblems(query: RunQuery): Promise<LedgerFinding[]> {
  const findings: LedgerFinding[] = [];
  for (const check of CHECKS) {
    for (const row of await query(check.sql)) findings.push({ check: check.name, subject: row.subject, detail: row.detail });
  }
  return findings;
}

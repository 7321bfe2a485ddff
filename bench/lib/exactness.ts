import { Pool } from 'mysql2/promise';
import { findLedgerProblems, LedgerCheckName, LedgerFinding } from '../../src/tools/ledger-findings';

/**
 * The ledger checks that must hold after any drain. The check of unfinished command runs is left
 * out: past its time budget the benchmark cancels the rest of the backlog behind the app's back.
 */
const EXACTNESS_CHECKS: ReadonlySet<LedgerCheckName> = new Set<LedgerCheckName>([
  'balance-differs-from-ledger', 'balance-differs-from-lots', 'negative-balance', 'lot-out-of-range', 'operation-without-event',
]);

export interface Exactness {
  accounts: number;
  /** Accounts with a ledger line newer than `sinceOperationId`. */
  accountsTouched: number;
  findings: LedgerFinding[];
}

/** Every account's balance against its ledger lines and its live lots, compared in SQL as DECIMAL. */
export async function checkExactness(pool: Pool, sinceOperationId: string): Promise<Exactness> {
  const findings = await findLedgerProblems(async (sql) => (await pool.query(sql))[0] as Array<{ subject: string; detail: string }>);
  const [[counts]] = (await pool.query(
    'SELECT (SELECT COUNT(*) FROM bonus_accounts) AS accounts, (SELECT COUNT(DISTINCT account_id) FROM bonus_operations WHERE id > ?) AS touched',
    [sinceOperationId],
  )) as unknown as [Array<{ accounts: string; touched: string }>];
  return {
    accounts: Number(counts.accounts),
    accountsTouched: Number(counts.touched),
    findings: findings.filter((f) => EXACTNESS_CHECKS.has(f.check)),
  };
}

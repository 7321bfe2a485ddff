import { spawnSync } from 'child_process';
import * as path from 'path';
import { DataSource } from 'typeorm';
import { findLedgerProblems, LedgerFinding } from '../../src/tools/ledger-findings';

/** The ledger invariants (`npm run check:ledger`) read through the suite's own connection. */
export function ledgerFindings(dataSource: DataSource): Promise<LedgerFinding[]> {
  return findLedgerProblems((sql) => dataSource.query(sql));
}

/** Runs `npm run check:ledger` as an operator would, against the named database. */
export function runCheckLedger(
  dbName: string,
  args: string[] = [],
  env: Record<string, string> = {},
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('npm', ['run', '--silent', 'check:ledger', '--', ...args], {
    cwd: path.resolve(__dirname, '../..'),
    env: { ...process.env, DB_NAME: dbName, ...env },
    encoding: 'utf8',
    timeout: 60000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

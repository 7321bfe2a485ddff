import { createConnection } from 'mysql2/promise';
import { loadConfig } from '../config';
import { describeConnectionError } from '../common/startup-error';
import { findLedgerProblems } from './ledger-findings';

/**
 * `npm run check:ledger [-- --json]`: reads the database named by the DB_* settings and reports every
 * broken ledger invariant. Exit code 0 = sound, 1 = findings, 2 = could not check.
 */
async function main(): Promise<number> {
  const json = process.argv.includes('--json');
  const config = loadConfig();
  const { host, port, user, password, name } = config.db;
  const connection = await createConnection({ host, port, user, password, database: name, supportBigNumbers: true, bigNumberStrings: true }).catch(
    (error: unknown) => {
      console.error(describeConnectionError('MariaDB/MySQL', host, port, error).message);
      return null;
    },
  );
  if (!connection) return 2;
  try {
    const findings = await findLedgerProblems(async (sql) => (await connection.query(sql))[0] as Array<{ subject: string; detail: string }>);
    if (json) console.log(JSON.stringify({ database: name, findings }));
    else if (findings.length === 0) console.log(`Ledger of ${name}: no findings`);
    else {
      for (const f of findings) console.log(`${f.check}: ${f.subject}: ${f.detail}`);
      console.log(`Ledger of ${name}: ${findings.length} finding(s)`);
    }
    return findings.length === 0 ? 0 : 1;
  } finally {
    await connection.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`Ledger check failed: ${error.message}`);
    process.exit(2);
  },
);

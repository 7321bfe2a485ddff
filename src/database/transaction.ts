import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';
import { isRetryableLockError } from '../common/errors/db-errors';

export const TRANSACTION_ATTEMPTS = 5;

const logger = new Logger('Transaction');

/**
 * Runs the unit of work in a transaction and runs the whole of it again when the database
 * chose it as a deadlock victim (or a lock wait timed out). The work must not have side effects
 * outside the transaction before it returns. The hot paths of the event register pass READ
 * COMMITTED: they lock exactly the rows they name, and without gap locks concurrent ingest and
 * processing do not block each other.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  isolation: IsolationLevel = 'REPEATABLE READ',
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(isolation, work);
    } catch (error) {
      if (!isRetryableLockError(error) || attempt >= TRANSACTION_ATTEMPTS) throw error;
      // At debug level: which statement lost a lock (a deadlock, or a wait past innodb_lock_wait_timeout).
      logger.debug({ err: error, statement: (error as { query?: string }).query, attempt }, 'Transaction retried after a lock error');
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt + Math.random() * 20));
    }
  }
}

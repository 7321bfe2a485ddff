import { DataSource, EntityManager } from 'typeorm';
import { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
export const TRANSACTION_ATTEMPTS = 5;

export function isRetryableLockError(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return RETRYABLE.has(e?.code ?? '') || RETRYABLE.has(e?.driverError?.code ?? '');
}

/** A value that does not fit its column, such as a sum past what a DECIMAL holds (strict mode refuses it). */
export function isOutOfRangeError(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return e?.code === 'ER_WARN_DATA_OUT_OF_RANGE' || e?.driverError?.code === 'ER_WARN_DATA_OUT_OF_RANGE';
}

export function isDuplicateKeyError(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return e?.code === 'ER_DUP_ENTRY' || e?.driverError?.code === 'ER_DUP_ENTRY';
}

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
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt + Math.random() * 20));
    }
  }
}

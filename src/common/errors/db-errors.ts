/** Classifiers of the database driver's errors (TypeORM wraps them as `driverError`). */
const RETRYABLE = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

function codeOf(error: unknown): { code: string; driverCode: string } {
  const e = error as { code?: string; driverError?: { code?: string } };
  return { code: e?.code ?? '', driverCode: e?.driverError?.code ?? '' };
}

/** The database chose the transaction as a deadlock victim, or a lock wait timed out: the work may run again. */
export function isRetryableLockError(error: unknown): boolean {
  const { code, driverCode } = codeOf(error);
  return RETRYABLE.has(code) || RETRYABLE.has(driverCode);
}

/** A value that does not fit its column, such as a sum past what a DECIMAL holds (strict mode refuses it). */
export function isOutOfRangeError(error: unknown): boolean {
  const { code, driverCode } = codeOf(error);
  return code === 'ER_WARN_DATA_OUT_OF_RANGE' || driverCode === 'ER_WARN_DATA_OUT_OF_RANGE';
}

export function isDuplicateKeyError(error: unknown): boolean {
  const { code, driverCode } = codeOf(error);
  return code === 'ER_DUP_ENTRY' || driverCode === 'ER_DUP_ENTRY';
}

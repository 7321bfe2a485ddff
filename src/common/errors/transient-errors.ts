import { isRetryableLockError } from './db-errors';

/** Server answers that say "not now" rather than "not this": too many connections, shutdown, a killed connection. */
const TRANSIENT_CODES = new Set([
  'ER_CON_COUNT_ERROR', 'ER_TOO_MANY_USER_CONNECTIONS', 'ER_SERVER_SHUTDOWN', 'ER_CONNECTION_KILLED', 'ER_QUERY_INTERRUPTED',
  'PROTOCOL_CONNECTION_LOST', 'PROTOCOL_SEQUENCE_TIMEOUT', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH',
]);
/** mysql2's pool refusals carry no code. */
const TRANSIENT_MESSAGES = ['Pool is closed.', 'Queue limit reached.'];

interface DriverErrorShape {
  code?: string;
  fatal?: boolean;
  message?: string;
  driverError?: DriverErrorShape;
}

/**
 * Errors that say nothing about the data: the same work can succeed when tried again (a lost or
 * refused connection, a saturated pool or server, a deadlock or lock wait). mysql2 flags every
 * error that broke its connection as `fatal`.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  if (isRetryableLockError(error)) return true;
  const e = error as DriverErrorShape | undefined;
  return [e, e?.driverError].some(
    (x) => !!x && (x.fatal === true || TRANSIENT_CODES.has(x.code ?? '') || TRANSIENT_MESSAGES.includes(x.message ?? '')),
  );
}
